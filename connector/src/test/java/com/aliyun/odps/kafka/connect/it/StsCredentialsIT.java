package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * account_type STS on a real Kafka + Connect against the local MaxCompute, whose STS tokens expire
 * after 5 s: a steady stream over more than a minute goes through the batch path (offsets, and
 * with them the buffers, are flushed every second), so the task signs requests with a dozen and
 * more successive tokens. No write may fail, the task must never leave RUNNING, and every record
 * must land.
 */
class StsCredentialsIT {
  private static final String CONNECTOR = "odps-test-sts";
  private static final String TOPIC = "topic_sts";
  private static final String TABLE = "table_sts";
  private static final int PARTITIONS = 2;
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(5);
  /** 2 records every 100 ms: 20 records/s for 65 s. */
  private static final int BATCH = 2;
  private static final long BATCH_PERIOD_MS = 100;
  private static final int RECORDS = 1300;
  private static final long TIMEOUT_MS = 120_000;

  @RegisterExtension
  @Order(1)
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.stsTokenLifetime(TOKEN_LIFETIME));

  @RegisterExtension
  @Order(2)
  static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(1);

  private static EmbeddedConnectCluster connect;
  private static MaxComputeSql sql;
  private static ConnectorLogs logs;

  @BeforeAll
  static void setUp() throws Exception {
    connect = CONNECT.connect();
    sql = MaxComputeSql.on(MC.service());
    logs = ConnectorLogs.capture();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (logs != null) {
      logs.close();
    }
  }

  private static Map<String, String> stsConfig() {
    Map<String, String> config = DocumentConnectorConfigs.text(MC.service());
    config.put("topics", TOPIC);
    config.put("table", TABLE);
    config.put("tasks.max", "1");
    config.put("mode", "DEFAULT");
    config.put("account_type", "STS");
    config.put("account_id", "1234567890123456");
    config.put("region_id", "cn-shanghai");
    config.put("role_name", "mc-sink");
    config.put("sts.endpoint", MC.service().stsEndpoint());
    // STS answers https only, with the service's self-signed certificate.
    config.put("ssl_truststore_location", MC.service().trustStore().toString());
    config.put("ssl_truststore_password", SelfSignedTls.PASSWORD);
    return config;
  }

  @Test
  void aMinuteOfStreamingWithTokensExpiringEveryFiveSecondsLosesNothingAndFailsNoWrite() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + "(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(TOPIC, PARTITIONS);
    Faults.Rule assumeRoleCalls = MC.service().faults().delay(RouteNames.STS, Duration.ZERO, Faults.FOREVER);
    connect.configureConnector(CONNECTOR, stsConfig());
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "connector did not start");
    int callsBeforeStream = assumeRoleCalls.applied();

    List<String> notRunning = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    long started = System.nanoTime();
    Faults.Rule injected = null;
    SteadyProducer stream;
    try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of("acks", "all"))) {
      threads.scheduleAtFixedRate(() -> watchTasks(notRunning), 0, 250, TimeUnit.MILLISECONDS);
      stream = SteadyProducer.start(threads, producer, TOPIC, PARTITIONS, RECORDS, BATCH, BATCH_PERIOD_MS);

      // Once rows flow, STS fails one refresh: the old token must carry on until the retry succeeds.
      sql.awaitRowsFromTopic(TABLE, TOPIC, 1, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, CONNECTOR));
      TestUtils.waitForCondition(() -> stream.sent() >= RECORDS / 2, TIMEOUT_MS, "the stream stalled at " + stream.sent());
      injected = MC.service().faults().fail(RouteNames.STS, 503, 1);

      stream.done().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(10, TimeUnit.SECONDS);
    }
    Duration streamed = Duration.ofNanos(System.nanoTime() - started);
    assertThat(stream.sent()).isEqualTo(RECORDS);
    assertThat(streamed).isGreaterThan(Duration.ofSeconds(60));

    Map<Integer, Long> ends = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      ends.put(p, connect.kafka().endOffset(new TopicPartition(TOPIC, p)));
    }
    Set<String> missing = new HashSet<>();
    int[] rowCount = {0};
    TestUtils.waitForCondition(() -> {
      List<Map<String, String>> rows = sql.rows("SELECT `partition`, `offset` FROM " + TABLE
          + " WHERE topic = '" + TOPIC + "';");
      rowCount[0] = rows.size();
      missing.clear();
      missing.addAll(expectedPositions(ends));
      for (Map<String, String> r : rows) {
        missing.remove(r.get("partition") + "@" + r.get("offset"));
      }
      return missing.isEmpty();
    }, TIMEOUT_MS, 1000, () -> missing.size() + " records missing from " + TABLE + " (" + rowCount[0]
        + " rows), e.g. " + missing.stream().limit(20).toList() + "; " + ConnectorStatus.describe(connect, CONNECTOR));
    CommittedOffsets.awaitEndOfTopic(connect, CONNECTOR, TOPIC, PARTITIONS, TIMEOUT_MS);

    int assumeRoles = assumeRoleCalls.applied();
    int duringStream = assumeRoles - callsBeforeStream;
    report(RECORDS + " records over " + streamed.toSeconds() + " s with " + TOKEN_LIFETIME.toSeconds()
        + " s tokens: " + rowCount[0] + " rows; AssumeRole calls " + assumeRoles + " in all (" + callsBeforeStream
        + " before the stream: validation and task start), " + duringStream + " during the stream ("
        + injected.applied() + " failed on purpose); the task logged " + logs.tokensIssued() + " tokens received and "
        + logs.refreshFailures() + " refresh failures");
    report("write failures logged: " + logs.writeFailures());
    report("task states other than RUNNING seen: " + notRunning);

    assertThat(notRunning).as("task states other than RUNNING").isEmpty();
    assertThat(logs.writeFailures()).as("failed writes").isEmpty();
    assertThat(connect.connectorStatus(CONNECTOR).tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
    assertThat(rowCount[0]).isGreaterThanOrEqualTo(RECORDS);
    // Tokens were really rotated: one per 2.5 s at least over the minute, plus the failed call.
    assertThat(injected.applied()).isEqualTo(1);
    assertThat(duringStream).isGreaterThanOrEqualTo(20);
    assertThat(logs.refreshFailures()).isEqualTo(1);
    connect.deleteConnector(CONNECTOR);
  }

  @Test
  void aWrongCallerKeyIsRefusedWhenTheConnectorIsCreatedWithAClearMessageWithoutTheKey() {
    Map<String, String> config = stsConfig();
    config.put("topics", "topic_sts_wrong_key");
    config.put("access_key", "wrong-caller-secret-42");

    assertThatThrownBy(() -> connect.configureConnector("odps-test-sts-wrong-key", config))
        .hasMessageContaining("access_id")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageContaining("acs:ram::1234567890123456:role/mc-sink")
        .hasMessageNotContaining("wrong-caller-secret-42");
  }

  private static void watchTasks(List<String> notRunning) {
    try {
      ConnectorStateInfo info = connect.connectorStatus(CONNECTOR);
      for (ConnectorStateInfo.TaskState task : info.tasks()) {
        if (!"RUNNING".equals(task.state())) {
          notRunning.add("task " + task.id() + " " + task.state() + (task.trace() == null ? "" : ": " + task.trace()));
        }
      }
      if (info.tasks().isEmpty()) {
        notRunning.add("no task");
      }
    } catch (RuntimeException e) {
      notRunning.add("no status: " + e.getMessage());
    }
  }

  private static Set<String> expectedPositions(Map<Integer, Long> ends) {
    Set<String> positions = new HashSet<>();
    ends.forEach((partition, end) -> {
      for (long offset = 0; offset < end; offset++) {
        positions.add(partition + "@" + offset);
      }
    });
    return positions;
  }

  /** On standard output, which surefire keeps in its report whatever the logging setup. */
  private static void report(String line) {
    System.out.println("StsCredentialsIT: " + line);
  }

  /**
   * The connector's INFO and WARN lines, caught in this JVM (the worker's): tokens received,
   * refresh failures, and write failures (the write path logs each transient failure it retries).
   */
  static final class ConnectorLogs extends AbstractAppender implements AutoCloseable {
    private static final String PACKAGE = "com.aliyun.odps.kafka.connect";
    private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refreshFailures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writeFailures = Collections.synchronizedList(new ArrayList<>());

    private ConnectorLogs() {
      super("sts-it-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static ConnectorLogs capture() {
      ConnectorLogs appender = new ConnectorLogs();
      appender.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      Configuration config = context.getConfiguration();
      LoggerConfig logger = new LoggerConfig(PACKAGE, Level.INFO, true);
      logger.addAppender(appender, Level.INFO, null);
      config.addLogger(PACKAGE, logger);
      context.updateLoggers();
      return appender;
    }

    @Override
    public void append(LogEvent event) {
      String logger = event.getLoggerName();
      String message = event.getMessage().getFormattedMessage();
      if (logger.endsWith(".RefreshingCredentialsProvider")) {
        if (message.startsWith("Got ")) {
          tokens.add(message);
        } else if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
          refreshFailures.add(message);
        }
      } else if (logger.startsWith(PACKAGE + ".write") && message.contains("failed")) {
        writeFailures.add(message);
      }
    }

    int tokensIssued() {
      return tokens.size();
    }

    int refreshFailures() {
      return refreshFailures.size();
    }

    List<String> writeFailures() {
      return new ArrayList<>(writeFailures);
    }

    @Override
    public void close() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().removeLogger(PACKAGE);
      context.updateLoggers();
      stop();
    }
  }
}
