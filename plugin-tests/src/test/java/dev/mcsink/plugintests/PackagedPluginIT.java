package dev.mcsink.plugintests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kafka Connect worker that knows the connector only through {@code plugin.path} pointing at the
 * unpacked component archive: the connector's classes are not on this test's classpath, so every
 * connector class the worker runs comes from the archive's {@code lib/}, through Connect's
 * isolating plugin class loader.
 */
class PackagedPluginIT {
  private static final long TIMEOUT_MS = 90_000;
  private static final Map<String, String> FULLSCAN = Map.of("odps.sql.allow.fullscan", "true");

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static EmbeddedConnectCluster connect;
  private static Odps odps;

  @BeforeAll
  static void startWorkerWithThePluginPath() throws InterruptedException {
    // Mutable: the cluster adds its own entries inside start().
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("plugin.path", InstalledPlugin.pluginPath().toString());
    // A real worker's default: scans plugin.path and also checks the plugin's ServiceLoader
    // manifests, failing the worker if a plugin has none.
    workerProps.put("plugin.discovery", "hybrid_fail");
    // The product document's worker settings.
    workerProps.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("offset.flush.interval.ms", "1000");
    Properties brokerProps = new Properties();
    brokerProps.put("auto.create.topics.enable", "false");
    connect = new EmbeddedConnectCluster.Builder()
        .name("packaged-plugin")
        .numWorkers(1)
        .numBrokers(1)
        .workerProps(workerProps)
        .brokerProps(brokerProps)
        .build();
    connect.start();
    connect.assertions().assertExactlyNumWorkersAreUp(1, "Connect worker did not start");

    LocalMaxCompute mc = MC.service();
    odps = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
    odps.setEndpoint(mc.endpoint());
    odps.setDefaultProject(LocalMaxCompute.DEFAULT_PROJECT);
  }

  @AfterAll
  static void stopWorker() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void connectorClassIsNotOnTheTestClasspath() {
    assertThatThrownBy(() -> Class.forName(InstalledPlugin.CONNECTOR_CLASS))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void workerListsTheConnectorFromThePluginPathWithItsVersion() throws Exception {
    Response response = connect.requestGet(connect.endpointForResource("connector-plugins"));
    assertThat(response.getStatus()).isEqualTo(200);
    // The cluster's client has already read the body: an outbound Response holding it as a String.
    JsonNode plugins = new ObjectMapper().readTree((String) response.getEntity());

    JsonNode ours = null;
    for (JsonNode plugin : plugins) {
      if (InstalledPlugin.CONNECTOR_CLASS.equals(plugin.path("class").asText())) {
        ours = plugin;
      }
    }
    assertThat(ours).as("%s in GET /connector-plugins: %s", InstalledPlugin.CONNECTOR_CLASS, plugins).isNotNull();
    assertThat(ours.path("type").asText()).isEqualTo("sink");
    assertThat(ours.path("version").asText()).isEqualTo(InstalledPlugin.expectedVersion());
  }

  /** The product document's "Write TEXT data" example, run by the packaged plugin. */
  @Test
  void packagedConnectorWritesTheDocumentsTextExample() throws Exception {
    sql("CREATE TABLE IF NOT EXISTS table_text(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text", 1);
    connect.kafka().produce("topic_text", "123", "abc");
    connect.kafka().produce("topic_text", "456", "edf");

    connect.configureConnector("odps-test-text", SinkConnectorConfig.documentExample(MC.service(), "TEXT").build());

    List<Record> rows = awaitRows("SELECT * FROM table_text;", 2, "odps-test-text");
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r.getString("topic")).containsOnly("topic_text");
    assertThat(rows).extracting(r -> r.getString("offset")).containsExactly("0", "1");
    assertThat(rows).extracting(r -> r.getString("value")).containsExactly("abc", "edf");
    // mode VALUE: the key column stays NULL (SQL results show NULL as \N).
    assertThat(rows).extracting(r -> r.getString("key")).containsOnly("\\N");
    assertThat(rows).extracting(r -> r.getString("pt")).allMatch(pt -> pt.matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}"));
  }

  /** The same example through the streaming Tunnel, the plugin's other write path. */
  @Test
  void packagedConnectorWritesThroughTheStreamingTunnel() throws Exception {
    sql("CREATE TABLE IF NOT EXISTS table_text_streaming(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text_streaming", 1);
    connect.kafka().produce("topic_text_streaming", "123", "abc");
    connect.kafka().produce("topic_text_streaming", "456", "edf");
    Map<String, String> config = SinkConnectorConfig.documentExample(MC.service(), "TEXT")
        .topics("topic_text_streaming")
        .table("table_text_streaming")
        .streaming(true)
        .build();

    connect.configureConnector("odps-test-text-streaming", config);

    List<Record> rows = awaitRows("SELECT * FROM table_text_streaming;", 2, "odps-test-text-streaming");
    assertThat(rows).extracting(r -> r.getString("topic")).containsOnly("topic_text_streaming");
    assertThat(rows).extracting(r -> r.getString("offset")).containsExactly("0", "1");
    assertThat(rows).extracting(r -> r.getString("value")).containsExactly("abc", "edf");
  }

  /**
   * write.mode UPSERT: the SDK's upsert session runs on Netty, which the archive must carry; a
   * tombstone deletes its key.
   */
  @Test
  void packagedConnectorUpsertsAndDeletesInADeltaTable() throws Exception {
    sql("CREATE TABLE IF NOT EXISTS table_upsert(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT NOT NULL PRIMARY KEY, name STRING) TBLPROPERTIES (\"transactional\"=\"true\");");
    connect.kafka().createTopic("topic_upsert", 1);
    connect.kafka().produce("topic_upsert", "1", "{\"id\":1,\"name\":\"a\"}");
    connect.kafka().produce("topic_upsert", "2", "{\"id\":2,\"name\":\"b\"}");
    connect.kafka().produce("topic_upsert", "1", "{\"id\":1,\"name\":\"a2\"}");
    connect.kafka().produce("topic_upsert", "3", "{\"id\":3,\"name\":\"c\"}");
    connect.kafka().produce("topic_upsert", "3", null);
    Map<String, String> config = SinkConnectorConfig.pointingAt(MC.service())
        .topics("topic_upsert").table("table_upsert").format("FLATTEN").mode("VALUE").tasksMax(1)
        .set("write.mode", "UPSERT").set("upsert.commit.interval.ms", "500")
        .build();

    connect.configureConnector("odps-test-upsert", config);

    AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
    TestUtils.waitForCondition(() -> {
      List<String> rows = new ArrayList<>();
      for (Record r : query("SELECT id, name FROM table_upsert ORDER BY id LIMIT 100;")) {
        rows.add(r.getString("id") + "=" + r.getString("name"));
      }
      seen.set(rows);
      return rows.equals(List.of("1=a2", "2=b"));
    }, TIMEOUT_MS, 500, () -> "table_upsert holds " + seen.get() + "; " + status("odps-test-upsert"));
  }

  /** exactly_once: the offsets state table is created and written through the archive's SDK. */
  @Test
  void packagedConnectorKeepsItsOffsetsStateWithExactlyOnce() throws Exception {
    sql("CREATE TABLE IF NOT EXISTS table_text_once(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text_once", 1);
    connect.kafka().produce("topic_text_once", "123", "abc");
    connect.kafka().produce("topic_text_once", "456", "edf");
    Map<String, String> config = SinkConnectorConfig.documentExample(MC.service(), "TEXT")
        .topics("topic_text_once").table("table_text_once").set("exactly_once", "true")
        .build();

    connect.configureConnector("odps-test-text-once", config);

    List<Record> rows = awaitRows("SELECT * FROM table_text_once;", 2, "odps-test-text-once");
    assertThat(rows).extracting(r -> r.getString("value")).containsExactly("abc", "edf");
    assertThat(query("SELECT last_offset FROM table_text_once_kafka_offsets WHERE topic = 'topic_text_once';"))
        .extracting(r -> r.getString("last_offset")).contains("1");
  }

  /**
   * Tables by topic, created from the first record and given a column for a new field, partitioned
   * by the records' timestamps: the DDL and the partitioner run from the archive too.
   */
  @Test
  void packagedConnectorCreatesAndEvolvesATablePerTopic() throws Exception {
    for (String topic : List.of("plugin_events_a", "plugin_events_b")) {
      connect.kafka().createTopic(topic, 1);
      connect.kafka().produce(topic, "1", "{\"id\":1,\"name\":\"a\"}");
    }
    Map<String, String> config = SinkConnectorConfig.pointingAt(MC.service())
        .topics("plugin_events_a,plugin_events_b").table("${topic}").format("FLATTEN").mode("VALUE").tasksMax(1)
        .set("auto.create", "true").set("auto.evolve", "true")
        .set("partition.time.source", "KAFKA_TIMESTAMP").set("partition.columns", "ds=time:yyyyMMdd")
        .build();

    connect.configureConnector("odps-test-tables-by-topic", config);
    awaitRows("SELECT * FROM plugin_events_b;", 1, "odps-test-tables-by-topic");
    connect.kafka().produce("plugin_events_a", "2", "{\"id\":2,\"name\":\"b\",\"score\":7}");

    List<Record> rows = awaitRows("SELECT * FROM plugin_events_a;", 2, "odps-test-tables-by-topic");
    assertThat(rows).extracting(r -> r.getString("score")).containsExactly("\\N", "7");
    assertThat(rows).extracting(r -> r.getString("ds")).allMatch(ds -> ds.matches("\\d{8}"));
  }

  private static List<Record> query(String query) throws Exception {
    Instance instance = SQLTask.run(odps, odps.getDefaultProject(), query, FULLSCAN, null);
    instance.waitForSuccess();
    List<Record> rows = SQLTask.getResult(instance);
    return rows == null ? List.of() : rows;
  }

  private static void sql(String statement) throws Exception {
    SQLTask.run(odps, odps.getDefaultProject(), statement, FULLSCAN, null).waitForSuccess();
  }

  private static List<Record> awaitRows(String query, int count, String connector) throws InterruptedException {
    AtomicReference<List<Record>> seen = new AtomicReference<>(List.of());
    TestUtils.waitForCondition(() -> {
      seen.set(query(query));
      return seen.get().size() >= count;
    }, TIMEOUT_MS, 500, () -> "expected " + count + " rows but found " + seen.get().size() + "; " + status(connector));
    List<Record> rows = new ArrayList<>(seen.get());
    rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.getString("offset"))));
    return rows;
  }

  private static String status(String connector) {
    try {
      ConnectorStateInfo info = connect.connectorStatus(connector);
      StringBuilder b = new StringBuilder("connector ").append(info.connector().state());
      if (info.connector().trace() != null) {
        b.append(" (").append(info.connector().trace()).append(')');
      }
      for (ConnectorStateInfo.TaskState task : info.tasks()) {
        b.append("; task ").append(task.id()).append(' ').append(task.state());
        if (task.trace() != null) {
          b.append(" (").append(task.trace()).append(')');
        }
      }
      return b.toString();
    } catch (RuntimeException e) {
      return "no connector status (" + e.getMessage() + ")";
    }
  }
}
