package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

/**
 * auto.create on the Connect runtime: a missing table is created when its first record arrives,
 * with the meta columns, the FLATTEN columns (typed from the Connect schema of a Struct, or
 * conservatively from the first schemaless record), the partition column {@code pt}, and with
 * write.mode UPSERT as a Delta table keyed by auto.create.primary.key. {@code table=${topic}} makes
 * one table per topic.
 */
class AutoCreateIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;
  private static final int RECORDS = 100;
  private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
  /** A Connect schema of several types, as JsonConverter with schemas.enable=true reads it. */
  private static final String STRUCT_SCHEMA = "{\"type\":\"struct\",\"optional\":false,\"fields\":["
      + "{\"field\":\"id\",\"type\":\"int64\",\"optional\":false},"
      + "{\"field\":\"qty\",\"type\":\"int32\",\"optional\":true},"
      + "{\"field\":\"name\",\"type\":\"string\",\"optional\":true},"
      + "{\"field\":\"active\",\"type\":\"boolean\",\"optional\":true},"
      + "{\"field\":\"price\",\"type\":\"double\",\"optional\":true},"
      + "{\"field\":\"created\",\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\","
      + "\"version\":1,\"optional\":true}]}";
  /** 2023-11-14T22:13:20Z */
  private static final long CREATED_MS = 1_700_000_000_000L;

  AutoCreateIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @Test
  void structRecordsCreateOneTablePerTopicTypedByTheirSchemaOnTheBatchPath() throws Exception {
    List<String> topics = List.of("struct.orders", "struct.refunds");
    produceToEach(topics, 2, i -> "{\"schema\":" + STRUCT_SCHEMA + ",\"payload\":{\"id\":" + i + ",\"qty\":" + (i * 2)
        + ",\"name\":\"n" + i + "\",\"active\":" + (i % 2 == 0) + ",\"price\":" + i + ".25,\"created\":"
        + (CREATED_MS + i) + "}}");
    connect.configureConnector("auto-struct", autoCreateFromJson(topics, true).streaming(false).build());

    for (String topic : topics) {
      String table = topic.replace('.', '_');
      Table created = createdWithEveryRecordOnce("auto-struct", topic, 2, table);
      assertThat(MaxComputeSql.described(created.getSchema().getColumns())).containsExactly(
          "topic STRING", "partition BIGINT", "offset BIGINT", "id BIGINT", "qty INT", "name STRING",
          "active BOOLEAN", "price DOUBLE", "created DATETIME");
      assertThat(created.isTransactional()).isFalse();
      Map<String, String> row = sql.rows("SELECT * FROM " + table + " WHERE id = 7;").get(0);
      assertThat(row).containsEntry("qty", "14").containsEntry("name", "n7").containsEntry("active", "false")
          .containsEntry("price", "7.25").containsEntry("offset", "3").containsEntry("partition", "1");
      assertThat(row.get("created")).as("the Timestamp field as a DATETIME").isNotNull();
    }
  }

  @Test
  void schemalessJsonCreatesOneTablePerTopicWithConservativeTypesOnTheStreamingPath() throws Exception {
    List<String> topics = List.of("json-clicks", "json-views");
    produceToEach(topics, 1, i -> "{\"id\":" + i + ",\"ratio\":" + i + ".5,\"ok\":true,\"page\":\"p" + i
        + "\",\"meta\":{\"n\":" + i + "}}");
    connect.configureConnector("auto-json", autoCreateFromJson(topics, false).streaming(true).build());

    for (String topic : topics) {
      String table = topic.replace('-', '_');
      Table created = createdWithEveryRecordOnce("auto-json", topic, 1, table);
      List<String> columns = MaxComputeSql.described(created.getSchema().getColumns());
      assertThat(columns.subList(0, 3)).containsExactly("topic STRING", "partition BIGINT", "offset BIGINT");
      // JsonConverter hands schemaless objects over as a HashMap: the fields' order is not the text's.
      assertThat(columns.subList(3, columns.size())).containsExactlyInAnyOrder(
          "id BIGINT", "ratio DOUBLE", "ok BOOLEAN", "page STRING", "meta STRING");
      Map<String, String> row = sql.rows("SELECT * FROM " + table + " WHERE id = 9;").get(0);
      assertThat(row).containsEntry("ratio", "9.5").containsEntry("ok", "true").containsEntry("page", "p9")
          .containsEntry("offset", "9");
      assertThat(row.get("meta")).as("a nested object as JSON text").isEqualToIgnoringWhitespace("{\"n\":9}");
    }
  }

  @Test
  void upsertCreatesADeltaTableKeyedByThePrimaryKeyAndAppliesUpsertsAndDeletes() throws Exception {
    String topic = "upsert_created";
    connect.kafka().createTopic(topic, 1);
    connect.kafka().produce(topic, "1", "{\"id\":1,\"name\":\"a\"}");
    connect.kafka().produce(topic, "2", "{\"id\":2,\"name\":\"b\"}");
    connect.kafka().produce(topic, "3", "{\"id\":3,\"name\":\"c\"}");
    connect.kafka().produce(topic, "1", "{\"id\":1,\"name\":\"a2\"}");
    connect.kafka().produce(topic, "2", null);
    connect.kafka().produce(topic, "3", "{\"id\":3,\"name\":\"c2\"}");
    connect.kafka().produce(topic, "1", "{\"id\":1,\"name\":\"a3\"}");
    connect.configureConnector("auto-upsert", autoCreate(topic)
        .set("write.mode", "UPSERT")
        .set("auto.create.primary.key", "id")
        .set("auto.create.lifecycle", "7")
        .set("upsert.commit.interval.ms", "500")
        // One partition for the run: an upsert replaces the row of its key within its partition.
        .partitionWindow("DAY")
        .build());

    awaitContents(topic, "auto-upsert", Map.of(1L, "a3", 3L, "c2"), TIMEOUT_MS);
    Table created = sql.table(topic);
    assertThat(created.isTransactional()).isTrue();
    assertThat(created.getPrimaryKey()).containsExactly("id");
    assertThat(created.getSchema().getColumn("id").isNullable()).isFalse();
    assertThat(created.getLife()).as("auto.create.lifecycle").isEqualTo(7L);
    CommittedOffsets.awaitEndOfTopic(connect, "auto-upsert", topic, 1, TIMEOUT_MS);
  }

  @Test
  void tablesOfTopicsAreCreatedAndWrittenInTheConfiguredSchemaOfAThreeLayerProject() throws Exception {
    Map<String, String> inSchema = Map.of("odps.namespace.schema", "true", "odps.sql.allow.fullscan", "true");
    SQLTask.run(sql.odps(), LocalMaxCompute.DEFAULT_PROJECT, "CREATE SCHEMA IF NOT EXISTS sales;", inSchema, null)
        .waitForSuccess(50);
    List<String> topics = List.of("schema_orders", "schema_refunds");
    produceToEach(topics, 1, i -> "{\"id\":" + i + ",\"name\":\"n" + i + "\"}");

    connect.configureConnector("auto-schema", autoCreate(String.join(",", topics)).set("schema", "sales").build());

    for (String topic : topics) {
      AtomicReference<String> count = new AtomicReference<>("none");
      TestUtils.waitForCondition(() -> {
        if (!sql.odps().tables().exists(LocalMaxCompute.DEFAULT_PROJECT, "sales", topic)) {
          return false;
        }
        Instance counting = SQLTask.run(sql.odps(), LocalMaxCompute.DEFAULT_PROJECT,
            "SELECT COUNT(DISTINCT `offset`) AS n, COUNT(*) AS c FROM sales." + topic + ";", inSchema, null);
        counting.waitForSuccess(50);
        Record result = SQLTask.getResult(counting).get(0);
        count.set(result.getString("n") + " distinct of " + result.getString("c"));
        return (RECORDS + " distinct of " + RECORDS).equals(count.get());
      }, TIMEOUT_MS, 500, () -> "sales." + topic + " holds " + count.get() + "; "
          + ConnectorStatus.describe(connect, "auto-schema"));
      assertThat(sql.odps().tables().exists(LocalMaxCompute.DEFAULT_PROJECT, topic)).as("nothing in the default schema")
          .isFalse();
    }
  }

  /** Creates each topic and produces to it {@link #RECORDS} records, record i to partition i % partitions. */
  private void produceToEach(List<String> topics, int partitions, IntFunction<String> value) {
    for (String topic : topics) {
      connect.kafka().createTopic(topic, partitions);
      for (int i = 0; i < RECORDS; i++) {
        connect.kafka().produce(topic, i % partitions, "k" + i, value.apply(i));
      }
    }
  }

  /** Every record of {@code topic} once in {@code table}, which was created partitioned by {@code pt}. */
  private Table createdWithEveryRecordOnce(String connector, String topic, int partitions, String table)
      throws Exception {
    assertEveryRecordLandsOnce(connector, topic, partitions, table, TIMEOUT_MS);
    Table created = sql.table(table);
    assertThat(MaxComputeSql.described(created.getSchema().getPartitionColumns())).containsExactly("pt STRING");
    return created;
  }

  /** As {@link #autoCreate}, values read by JsonConverter: Structs with {@code schemas}, else maps. */
  private SinkConnectorConfig autoCreateFromJson(List<String> topics, boolean schemas) {
    return autoCreate(String.join(",", topics))
        .set("value.converter", JSON_CONVERTER)
        .set("value.converter.schemas.enable", String.valueOf(schemas));
  }

  /** FLATTEN of the value into {@code ${topic}}, created when missing, by one task. */
  private SinkConnectorConfig autoCreate(String topics) {
    return SinkConnectorConfig.pointingAt(mc)
        .tasksMax(1)
        .topics(topics)
        .table("${topic}")
        .format("FLATTEN")
        .mode("VALUE")
        .set("auto.create", "true");
  }
}
