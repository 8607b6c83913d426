package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
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
import org.junit.jupiter.api.Test;

/**
 * account_type STS on a real Kafka + Connect against the local MaxCompute, whose STS tokens expire
 * after 5 s: a steady stream over more than a minute goes through the batch path (offsets, and
 * with them the buffers, are flushed every second), so the task signs requests with a dozen and
 * more successive tokens. No write may fail, the task must never leave RUNNING, and every record
 * must land.
 */
class StsCredentialsIT extends IntegrationTestBase {
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

  private ConnectorLogs logs;

  StsCredentialsIT() {
    super(new Setup().maxCompute(b -> b.stsTokenLifetime(TOKEN_LIFETIME)));
  }

  @BeforeAll
  void captureLogs() {
    logs = ConnectorLogs.capture();
  }

  @AfterAll
  void tearDown() throws Exception {
    if (logs != null) {
      logs.close();
    }
  }

  private SinkConnectorConfig stsConfig() {
    return SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics(TOPIC)
        .table(TABLE)
        .tasksMax(1)
        .mode("DEFAULT")
        .stsRole("1234567890123456", "mc-sink")
        .set("region_id", "cn-shanghai")
        // STS answers https only, with the service's self-signed certificate.
        .trustStore(mc.trustStore().toString(), SelfSignedTls.PASSWORD);
  }

  @Test
  void aMinuteOfStreamingWithTokensExpiringEveryFiveSecondsLosesNothingAndFailsNoWrite() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + "(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(TOPIC, PARTITIONS);
    Faults.Rule assumeRoleCalls = mc.faults().delay(RouteNames.STS, Duration.ZERO, Faults.FOREVER);
    connect.configureConnector(CONNECTOR, stsConfig().build());
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "connector did not start");
    int callsBeforeStream = assumeRoleCalls.applied();

    List<String> notRunning = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    long started = System.nanoTime();
    Faults.Rule injected;
    watcher.scheduleAtFixedRate(() -> watchTasks(notRunning), 0, 250, TimeUnit.MILLISECONDS);
    try (SteadyProducer stream = SteadyProducer.start(connect.kafka(), TOPIC, PARTITIONS, RECORDS, BATCH,
        BATCH_PERIOD_MS)) {

      // Once rows flow, STS fails one refresh: the old token must carry on until the retry succeeds.
      sql.awaitRowsFromTopic(TABLE, TOPIC, 1, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, CONNECTOR));
      TestUtils.waitForCondition(() -> stream.sent() >= RECORDS / 2, TIMEOUT_MS, "the stream stalled at " + stream.sent());
      injected = mc.faults().fail(RouteNames.STS, 503, 1);

      stream.done().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      assertThat(stream.sent()).isEqualTo(RECORDS);
    } finally {
      watcher.shutdownNow();
      watcher.awaitTermination(10, TimeUnit.SECONDS);
    }
    Duration streamed = Duration.ofNanos(System.nanoTime() - started);
    assertThat(streamed).isGreaterThan(Duration.ofSeconds(60));

    int rowCount = sql.awaitEveryRecord(TABLE, TOPIC, endOffsets(TOPIC, PARTITIONS), TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, CONNECTOR));
    CommittedOffsets.awaitEndOfTopic(connect, CONNECTOR, TOPIC, PARTITIONS, TIMEOUT_MS);

    int assumeRoles = assumeRoleCalls.applied();
    int duringStream = assumeRoles - callsBeforeStream;
    report(RECORDS + " records over " + streamed.toSeconds() + " s with " + TOKEN_LIFETIME.toSeconds()
        + " s tokens: " + rowCount + " rows; AssumeRole calls " + assumeRoles + " in all (" + callsBeforeStream
        + " before the stream: validation and task start), " + duringStream + " during the stream ("
        + injected.applied() + " failed on purpose); the task logged " + logs.tokensIssued() + " tokens received and "
        + logs.refreshFailures() + " refresh failures");
    report("write failures logged: " + logs.writeFailures());
    report("task states other than RUNNING seen: " + notRunning);

    assertThat(notRunning).as("task states other than RUNNING").isEmpty();
    assertThat(logs.writeFailures()).as("failed writes").isEmpty();
    assertThat(connect.connectorStatus(CONNECTOR).tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
    assertThat(rowCount).isGreaterThanOrEqualTo(RECORDS);
    // Tokens were really rotated: one per 2.5 s at least over the minute, plus the failed call.
    assertThat(injected.applied()).isEqualTo(1);
    assertThat(duringStream).isGreaterThanOrEqualTo(20);
    assertThat(logs.refreshFailures()).isEqualTo(1);
    connect.deleteConnector(CONNECTOR);
  }

  @Test
  void aWrongCallerKeyIsRefusedWhenTheConnectorIsCreatedWithAClearMessageWithoutTheKey() {
    Map<String, String> config = stsConfig()
        .topics("topic_sts_wrong_key")
        .set("access_key", "wrong-caller-secret-42")
        .build();

    assertThatThrownBy(() -> connect.configureConnector("odps-test-sts-wrong-key", config))
        .hasMessageContaining("access_id")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageContaining("acs:ram::1234567890123456:role/mc-sink")
        .hasMessageNotContaining("wrong-caller-secret-42");
  }

  private void watchTasks(List<String> notRunning) {
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
