package com.aliyun.odps.kafka.connect.it;

import static com.aliyun.odps.kafka.connect.it.DocumentExpectations.MINUTE_PT;
import static com.aliyun.odps.kafka.connect.it.DocumentExpectations.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyun.odps.Partition;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every format through the streaming Tunnel: the product document's examples (tables, messages,
 * connector JSON) with {@code use_streaming=true}. Workers commit offsets only once a minute, so
 * rows that land within the timeout were sent by the streaming latency bound, not by a commit.
 */
class StreamingFormatsIT extends IntegrationTestBase {
  private static final long ROWS_TIMEOUT_MS = 45_000;

  StreamingFormatsIT() {
    super(new Setup().workerProps(Map.of("offset.flush.interval.ms", "60000")));
  }

  private Faults.Rule streamWrites;
  private Faults.Rule batchSessions;

  @BeforeEach
  void countTunnelRequests() {
    // Zero-latency rules count requests without changing them.
    streamWrites = mc.faults().delay("stream-write", Duration.ZERO, Faults.FOREVER);
    batchSessions = mc.faults().delay("upload-create", Duration.ZERO, Faults.FOREVER);
  }

  @AfterEach
  void rowsCameThroughTheStreamingTunnelOnly() {
    deleteConnectors();
    mc.faults().clear();
    assertThat(streamWrites.applied()).as("stream writes").isPositive();
    assertThat(batchSessions.applied()).as("batch upload sessions").isZero();
  }

  @Test
  void textStreamsEachValueWithANullKey() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_text(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text", 1);
    connect.kafka().produce("topic_text", "123", "abc");
    connect.kafka().produce("topic_text", "456", "edf");

    connect.configureConnector("stream-text", streamingExample("TEXT").build());

    List<Map<String, String>> rows = awaitRows("stream-text", "table_text", "topic_text", 2);
    assertThat(rows).extracting(r -> r.get("offset"), r -> r.get("key"), r -> r.get("value"))
        .containsExactly(tuple("0", null, "abc"), tuple("1", null, "edf"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));
  }

  @Test
  void csvStreamsEachFieldIntoItsColumn() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_csv(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING, region STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_csv", 1);
    connect.kafka().produce("topic_csv", "123", "1103,zhangsan,china");
    connect.kafka().produce("topic_csv", "456", "1104,lisi,usa");

    connect.configureConnector("stream-csv", streamingExample("CSV").build());

    List<Map<String, String>> rows = awaitRows("stream-csv", "table_csv", "topic_csv", 2);
    assertThat(rows).extracting(r -> r.get("offset"), r -> r.get("id"), r -> r.get("name"), r -> r.get("region"))
        .containsExactly(tuple("0", "1103", "zhangsan", "china"), tuple("1", "1104", "lisi", "usa"));
  }

  @Test
  void jsonStreamsTheWholeValueIntoAJsonColumn() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_json(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value JSON) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_json", 1);
    connect.kafka().produce("topic_json", "123", "{\"id\":123,\"name\":\"json-1\",\"region\":\"beijing\"}");
    connect.kafka().produce("topic_json", "456", "{\"id\":456,\"name\":\"json-2\",\"region\":\"hangzhou\"}");

    connect.configureConnector("stream-json", streamingExample("JSON").build());

    List<Map<String, String>> rows = awaitRows("stream-json", "table_json", "topic_json", 2);
    assertSameJson(rows.get(0).get("value"), "{\"id\":123,\"name\":\"json-1\",\"region\":\"beijing\"}");
    assertSameJson(rows.get(1).get("value"), "{\"id\":456,\"name\":\"json-2\",\"region\":\"hangzhou\"}");
  }

  @Test
  void flattenStreamsTopLevelKeysIntoColumns() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_flatten(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING, extendinfo JSON) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_flatten", 1);
    connect.kafka().produce("topic_flatten", "123",
        "{\"id\":123,\"name\":\"json-1\",\"extendinfo\":{\"region\":\"beijing\",\"sex\":\"M\"}}");
    connect.kafka().produce("topic_flatten", "456",
        "{\"id\":456,\"name\":\"json-2\",\"extendinfo\":{\"region\":\"hangzhou\",\"sex\":\"W\"}}");

    connect.configureConnector("stream-flatten", streamingExample("FLATTEN").build());

    List<Map<String, String>> rows = awaitRows("stream-flatten", "table_flatten", "topic_flatten", 2);
    assertThat(rows).extracting(r -> r.get("id"), r -> r.get("name")).containsExactly(tuple("123", "json-1"), tuple("456", "json-2"));
    assertSameJson(rows.get(0).get("extendinfo"), "{\"sex\":\"M\",\"region\":\"beijing\"}");
    assertSameJson(rows.get(1).get("extendinfo"), "{\"sex\":\"W\",\"region\":\"hangzhou\"}");
  }

  @Test
  void binaryStreamsKeysAndValuesByteForByte() throws Exception {
    byte[] key = {1, 2, 3};
    byte[] value = {0, (byte) 0xff, '\n', '=', '|', (byte) 0x80, 'a'};
    sql.execute("CREATE TABLE IF NOT EXISTS table_binary(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key BINARY, value BINARY) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_binary", 1);
    try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
      producer.send(new ProducerRecord<>("topic_binary", key, value)).get();
    }
    Map<String, String> config = streamingExample("BINARY")
        .mode("DEFAULT")
        .set("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .set("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .build();

    connect.configureConnector("stream-binary", config);

    AtomicReference<List<Record>> seen = new AtomicReference<>(List.of());
    TestUtils.waitForCondition(() -> {
      seen.set(download("table_binary"));
      return !seen.get().isEmpty();
    }, ROWS_TIMEOUT_MS, 500, () -> "no row in table_binary; " + ConnectorStatus.describe(connect, "stream-binary"));
    assertThat(seen.get()).hasSize(1);
    assertThat(seen.get().get(0).getBytes("key")).containsExactly(key);
    assertThat(seen.get().get(0).getBytes("value")).containsExactly(value);
  }

  /** The document's example of {@code format}, switched to the streaming Tunnel. */
  private SinkConnectorConfig streamingExample(String format) {
    return SinkConnectorConfig.documentExample(mc, format).streaming(true);
  }

  private List<Map<String, String>> awaitRows(String connector, String table, String topic, int count)
      throws InterruptedException {
    return sql.awaitRowsFromTopic(table, topic, count, ROWS_TIMEOUT_MS, () -> ConnectorStatus.describe(connect, connector));
  }

  private List<Record> download(String table) throws Exception {
    TableTunnel tunnel = new TableTunnel(sql.odps());
    List<Record> rows = new ArrayList<>();
    for (Partition partition : sql.odps().tables().get(table).getPartitions()) {
      TableTunnel.DownloadSession session =
          tunnel.createDownloadSession(sql.odps().getDefaultProject(), table, partition.getPartitionSpec());
      try (RecordReader reader = session.openRecordReader(0, session.getRecordCount())) {
        for (Record r = reader.read(); r != null; r = reader.read()) {
          rows.add(r);
        }
      }
    }
    rows.sort(Comparator.comparingLong(r -> r.getBigint("offset")));
    return rows;
  }
}
