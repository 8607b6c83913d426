package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.LocalMaxCompute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the connector's integration tests run on: a local MaxCompute on a free port, one real Kafka
 * broker and a Kafka Connect worker, started once per test class (a cluster costs about 5 s on two
 * cores) before the class's own {@code @BeforeAll} methods, and stopped after its {@code @AfterAll}
 * ones. Workers use the product document's worker settings: StringConverter for keys and values;
 * offsets are committed every second so that rows land soon after they are produced. A test class
 * gives what it needs besides to the constructor, as a {@link Setup}.
 *
 * <p>One test instance per class, so that the fields below, set once, serve every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntegrationTestBase {
  LocalMaxCompute mc;
  EmbeddedConnectCluster connect;
  /** SQL on {@link #mc}, as a user checks what the connector wrote. */
  MaxComputeSql sql;

  private final Setup setup;

  IntegrationTestBase() {
    this(new Setup());
  }

  IntegrationTestBase(Setup setup) {
    this.setup = setup;
  }

  /** What a test class needs besides the common set-up. */
  static final class Setup {
    private Map<String, String> workerProps = Map.of();
    private Consumer<LocalMaxCompute.Builder> maxCompute = builder -> { };
    private boolean deleteConnectorsAfterEach;

    /** Worker settings added to (or replacing) the document's. */
    Setup workerProps(Map<String, String> props) {
      this.workerProps = Map.copyOf(props);
      return this;
    }

    /** Adjusts the local MaxCompute before it starts (accounts, token lifetime). */
    Setup maxCompute(Consumer<LocalMaxCompute.Builder> customizer) {
      this.maxCompute = customizer;
      return this;
    }

    /** Each test gets the cluster to itself: every connector is deleted after it. */
    Setup deletingConnectorsAfterEach() {
      this.deleteConnectorsAfterEach = true;
      return this;
    }
  }

  @BeforeAll
  void startPipeline(@TempDir Path maxComputeData) throws InterruptedException {
    LocalMaxCompute.Builder builder = LocalMaxCompute.builder().port(0).dataDir(maxComputeData);
    setup.maxCompute.accept(builder);
    mc = builder.start();
    sql = MaxComputeSql.on(mc);
    connect = startConnect();
  }

  private EmbeddedConnectCluster startConnect() throws InterruptedException {
    // Mutable: the cluster adds its own entries inside start().
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("plugin.discovery", "service_load");
    workerProps.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("offset.flush.interval.ms", "1000");
    workerProps.putAll(setup.workerProps);
    Properties brokerProps = new Properties();
    brokerProps.put("auto.create.topics.enable", "false");
    EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
        .name(getClass().getSimpleName())
        .numWorkers(1)
        .numBrokers(1)
        .workerProps(workerProps)
        .brokerProps(brokerProps)
        .build();
    cluster.start();
    cluster.assertions().assertExactlyNumWorkersAreUp(1, "Connect workers did not start");
    return cluster;
  }

  @AfterEach
  void deleteConnectorsIfAsked() {
    if (setup.deleteConnectorsAfterEach) {
      deleteConnectors();
    }
  }

  @AfterAll
  void stopPipeline() {
    // Connect first: its tasks write to MaxCompute until they stop.
    if (connect != null) {
      connect.stop();
    }
    if (mc != null) {
      mc.close();
    }
  }

  void deleteConnectors() {
    for (String name : connect.connectors()) {
      connect.deleteConnector(name);
    }
  }

  /** The end offset of each partition of {@code topic}: the records a connector has to write. */
  Map<Integer, Long> endOffsets(String topic, int partitions) throws Exception {
    Map<Integer, Long> ends = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      ends.put(p, connect.kafka().endOffset(new TopicPartition(topic, p)));
    }
    return ends;
  }

  /**
   * Creates, if missing, a table of the TEXT format (the product document's {@code table_text}
   * columns) partitioned by {@code pt}.
   */
  void createTextTable(String table) throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + "(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
  }

  /**
   * Sends string records as they are, with the partition and timestamp each carries (a null
   * timestamp: the producer's clock), and waits until the broker has acknowledged every one.
   */
  void produceAll(List<ProducerRecord<String, String>> records) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ProducerRecord<String, String> r : records) {
        sent.add(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), bytes(r.key()),
            bytes(r.value()))));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    }
  }

  /** A header of a consumed record as text; fails the test when the record lacks it. */
  static String headerText(ConsumerRecord<byte[], byte[]> record, String key) {
    Header h = record.headers().lastHeader(key);
    if (h == null) {
      throw new AssertionError("no header " + key + " on the record at offset " + record.offset() + " of "
          + record.topic() + "; headers " + record.headers());
    }
    return text(h.value());
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Waits until {@code table} holds a row for every record of {@code topic} and the connector has
   * committed the topic's end, then asserts that it holds each record exactly once.
   */
  void assertEveryRecordLandsOnce(String connector, String topic, int partitions, String table, long timeoutMs)
      throws Exception {
    Map<Integer, Long> ends = endOffsets(topic, partitions);
    sql.awaitEveryRecord(table, topic, ends, timeoutMs, () -> ConnectorStatus.describe(connect, connector));
    CommittedOffsets.awaitEndOfTopic(connect, connector, topic, partitions, timeoutMs);
    long records = ends.values().stream().mapToLong(Long::longValue).sum();
    // Offsets are committed only after MaxCompute committed the rows: the count is final now.
    assertThat(sql.rowsFromTopic(table, topic)).as("rows of %s in %s, one per record", topic, table)
        .hasSize((int) records);
  }

  /**
   * Waits until {@code table} (of columns id and name; missing at first with auto.create) holds
   * exactly {@code expected} (id to name), one row per id: the last value per key of upserts.
   */
  void awaitContents(String table, String connector, Map<Long, String> expected, long timeoutMs)
      throws InterruptedException {
    AtomicReference<Map<Long, String>> seen = new AtomicReference<>(Map.of());
    TestUtils.waitForCondition(() -> {
      Map<Long, String> contents = new TreeMap<>();
      for (Map<String, String> row : sql.rows("SELECT id, name FROM " + table + ";")) {
        if (contents.put(Long.parseLong(row.get("id")), row.get("name")) != null) {
          throw new AssertionError("two rows for key " + row.get("id") + " in " + table);
        }
      }
      seen.set(contents);
      return contents.equals(new TreeMap<>(expected));
    }, timeoutMs, 500, () -> table + " holds " + seen.get() + ", expected " + new TreeMap<>(expected) + "; "
        + ConnectorStatus.describe(connect, connector));
  }
}
