package com.aliyun.odps.kafka.connect.it;

import static com.aliyun.odps.kafka.connect.it.DocumentExpectations.MINUTE_PT;
import static com.aliyun.odps.kafka.connect.it.DocumentExpectations.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The product document's examples ("Write TEXT/CSV/JSON/FLATTEN data", "Handle abnormal data")
 * replayed as a user would: its CREATE TABLE statements, its topics (one partition), its messages
 * as {@code kafka-console-producer --property parse.key=true} sends them (key, tab, value), its
 * connector JSON, and its expected rows.
 *
 * <p>Where the document's outputs contradict its own inputs we follow the inputs: the CSV output
 * names topic {@code csv_test} and the JSON output {@code Topic_json} for topics created as
 * {@code topic_csv} and {@code topic_json}; the abnormal example's names are made consistent
 * ({@link DocumentConnectorConfigs#runtimeError}), and its offsets start at 0 because its topic is new here.
 */
class ProductDocumentExamplesIT extends IntegrationTestBase {
  private static final long ROWS_TIMEOUT_MS = 60_000;

  ProductDocumentExamplesIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @Test
  void textExampleWritesEachValueWithANullKey() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_text(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text", 1);
    connect.kafka().produce("topic_text", "123", "abc");
    connect.kafka().produce("topic_text", "456", "edf");

    connect.configureConnector("odps-test-text", SinkConnectorConfig.documentExample(mc, "TEXT").build());

    List<Map<String, String>> rows = awaitRows("odps-test-text", "table_text", "topic_text", 2);
    assertThat(rows).extracting(r -> r.get("topic"), r -> r.get("partition"), r -> r.get("offset"),
            r -> r.get("key"), r -> r.get("value"))
        .containsExactly(
            tuple("topic_text", "0", "0", null, "abc"),
            tuple("topic_text", "0", "1", null, "edf"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));
  }

  @Test
  void csvExampleWritesEachFieldIntoItsColumn() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_csv(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  id BIGINT,\n  name STRING,\n"
        + "  region STRING\n) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_csv", 1);
    connect.kafka().produce("topic_csv", "123", "1103,zhangsan,china");
    connect.kafka().produce("topic_csv", "456", "1104,lisi,usa");

    connect.configureConnector("odps-test-csv", SinkConnectorConfig.documentExample(mc, "CSV").build());

    List<Map<String, String>> rows = awaitRows("odps-test-csv", "table_csv", "topic_csv", 2);
    assertThat(rows).extracting(r -> r.get("topic"), r -> r.get("partition"), r -> r.get("offset"),
            r -> r.get("id"), r -> r.get("name"), r -> r.get("region"))
        .containsExactly(
            tuple("topic_csv", "0", "0", "1103", "zhangsan", "china"),
            tuple("topic_csv", "0", "1", "1104", "lisi", "usa"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));
  }

  @Test
  void jsonExampleWritesTheWholeValueIntoAJsonColumn() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_json(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value JSON\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_json", 1);
    connect.kafka().produce("topic_json", "123", "{\"id\":123,\"name\":\"json-1\",\"region\":\"beijing\"}");
    connect.kafka().produce("topic_json", "456", "{\"id\":456,\"name\":\"json-2\",\"region\":\"hangzhou\"}");

    connect.configureConnector("odps-test-json", SinkConnectorConfig.documentExample(mc, "JSON").build());

    List<Map<String, String>> rows = awaitRows("odps-test-json", "table_json", "topic_json", 2);
    assertThat(rows).extracting(r -> r.get("topic"), r -> r.get("partition"), r -> r.get("offset"),
            r -> r.get("key"))
        .containsExactly(tuple("topic_json", "0", "0", null), tuple("topic_json", "0", "1", null));
    assertSameJson(rows.get(0).get("value"), "{\"id\":123,\"name\":\"json-1\",\"region\":\"beijing\"}");
    assertSameJson(rows.get(1).get("value"), "{\"id\":456,\"name\":\"json-2\",\"region\":\"hangzhou\"}");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));
  }

  @Test
  void flattenExampleWritesTopLevelKeysIntoColumnsAndNestedObjectsAsJson() throws Exception {
    createTableFlatten();
    connect.kafka().createTopic("topic_flatten", 1);
    connect.kafka().produce("topic_flatten", "123",
        "{\"id\":123,\"name\":\"json-1\",\"extendinfo\":{\"region\":\"beijing\",\"sex\":\"M\"}}");
    connect.kafka().produce("topic_flatten", "456",
        "{\"id\":456,\"name\":\"json-2\",\"extendinfo\":{\"region\":\"hangzhou\",\"sex\":\"W\"}}");

    connect.configureConnector("odps-test-flatten", SinkConnectorConfig.documentExample(mc, "FLATTEN").build());

    List<Map<String, String>> rows = awaitRows("odps-test-flatten", "table_flatten", "topic_flatten", 2);
    assertThat(rows).extracting(r -> r.get("topic"), r -> r.get("partition"), r -> r.get("offset"),
            r -> r.get("id"), r -> r.get("name"))
        .containsExactly(
            tuple("topic_flatten", "0", "0", "123", "json-1"),
            tuple("topic_flatten", "0", "1", "456", "json-2"));
    assertSameJson(rows.get(0).get("extendinfo"), "{\"sex\":\"M\",\"region\":\"beijing\"}");
    assertSameJson(rows.get(1).get("extendinfo"), "{\"sex\":\"W\",\"region\":\"hangzhou\"}");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));
  }

  @Test
  void abnormalExampleSendsTheMismatchedRecordToTheErrorTopicAndWritesTheOthers() throws Exception {
    createTableFlatten();
    connect.kafka().createTopic("topic_abnormal", 1);
    connect.kafka().createTopic("runtime_error", 1);
    connect.kafka().produce("topic_abnormal", "100",
        "{\"id\":100,\"name\":\"json-3\",\"extendinfo\":{\"region\":\"beijing\",\"gender\":\"M\"}}");
    connect.kafka().produce("topic_abnormal", "101", "{\"id\":101,\"name\":\"json-4\",\"extendinfos\":\"null\"}");
    connect.kafka().produce("topic_abnormal", "102",
        "{\"id\":102,\"name\":\"json-5\",\"extendinfo\":{\"region\":\"beijing\",\"gender\":\"M\"}}");

    connect.configureConnector("odps-test-runtime-error",
        DocumentConnectorConfigs.runtimeError(mc, connect.kafka().bootstrapServers()).build());

    List<Map<String, String>> rows = awaitRows("odps-test-runtime-error", "table_flatten", "topic_abnormal", 2);
    assertThat(rows).extracting(r -> r.get("topic"), r -> r.get("partition"), r -> r.get("offset"),
            r -> r.get("id"), r -> r.get("name"))
        .containsExactly(
            tuple("topic_abnormal", "0", "0", "100", "json-3"),
            tuple("topic_abnormal", "0", "2", "102", "json-5"));
    assertSameJson(rows.get(0).get("extendinfo"), "{\"gender\":\"M\",\"region\":\"beijing\"}");
    assertSameJson(rows.get(1).get("extendinfo"), "{\"gender\":\"M\",\"region\":\"beijing\"}");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("pt")).matches(MINUTE_PT));

    List<ConsumerRecord<byte[], byte[]>> errors = new ArrayList<>();
    connect.kafka().consume(1, ROWS_TIMEOUT_MS, "runtime_error").forEach(errors::add);
    assertThat(errors).hasSize(1);
    ConsumerRecord<byte[], byte[]> failed = errors.get(0);
    assertThat(text(failed.value())).isEqualTo("{\"id\":101,\"name\":\"json-4\",\"extendinfos\":\"null\"}");
    assertThat(text(failed.key())).isEqualTo("101");
    assertThat(headerText(failed, "mc.source.topic")).isEqualTo("topic_abnormal");
    assertThat(headerText(failed, "mc.source.partition")).isEqualTo("0");
    assertThat(headerText(failed, "mc.source.offset")).isEqualTo("1");
    assertThat(headerText(failed, "mc.error.message")).containsIgnoringCase("extendinfos");
    assertThat(headerText(failed, "mc.error.class")).isNotBlank();

    // The error topic is flushed before offsets are committed: all three records end up committed.
    CommittedOffsets.awaitEndOfTopic(connect, "odps-test-runtime-error", "topic_abnormal", 1, ROWS_TIMEOUT_MS);
  }

  @Test
  void committedOffsetsReachTheEndOfTheTopicOnceRowsHaveLanded() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_text_offsets(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_text_offsets", 3);
    for (int i = 0; i < 30; i++) {
      connect.kafka().produce("topic_text_offsets", i % 3, "k" + i, "v" + i);
    }
    Map<String, String> config = SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics("topic_text_offsets")
        .table("table_text_offsets")
        .build();

    connect.configureConnector("odps-test-offsets", config);

    List<Map<String, String>> rows = awaitRows("odps-test-offsets", "table_text_offsets", "topic_text_offsets", 30);
    assertThat(rows).hasSize(30);
    CommittedOffsets.awaitEndOfTopic(connect, "odps-test-offsets", "topic_text_offsets", 3, ROWS_TIMEOUT_MS);
  }

  private void createTableFlatten() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_flatten(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  id BIGINT,\n  name STRING,\n"
        + "  extendinfo JSON\n) PARTITIONED BY (pt STRING);");
  }

  private List<Map<String, String>> awaitRows(String connector, String table, String topic, int count)
      throws InterruptedException {
    return sql.awaitRowsFromTopic(table, topic, count, ROWS_TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
  }
}
