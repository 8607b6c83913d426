package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.junit.jupiter.api.Test;

/**
 * write.mode UPSERT into Delta tables on the Connect runtime: records replace the row of their
 * primary key, tombstones and change events delete it, and the table ends holding the last value
 * produced per key. Upsert commits are paced by upsert.commit.interval.ms (short here).
 */
class UpsertIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;

  UpsertIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @Test
  void valueFieldsUpsertAndTombstonesDeleteByTheKafkaKey() throws Exception {
    deltaTable("upsert_values", "");
    connect.kafka().createTopic("topic_upsert_values", 1);
    connect.configureConnector("upsert-values", upsert("topic_upsert_values", "upsert_values").build());

    produce("topic_upsert_values", "1", "{\"id\":1,\"name\":\"a\"}");
    produce("topic_upsert_values", "2", "{\"id\":2,\"name\":\"b\"}");
    produce("topic_upsert_values", "1", "{\"id\":1,\"name\":\"a2\"}");
    produce("topic_upsert_values", "3", "{\"id\":3,\"name\":\"c\"}");
    produce("topic_upsert_values", "2", null);

    awaitContents("upsert_values", "upsert-values", Map.of(1L, "a2", 3L, "c"), TIMEOUT_MS);
    CommittedOffsets.awaitEndOfTopic(connect, "upsert-values", "topic_upsert_values", 1, TIMEOUT_MS);
  }

  @Test
  void oneKeyChangedManyTimesWithinAndAcrossCommitsKeepsItsLastValue() throws Exception {
    deltaTable("upsert_many", "");
    connect.kafka().createTopic("topic_upsert_many", 2);
    connect.configureConnector("upsert-many", upsert("topic_upsert_many", "upsert_many").build());

    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 50; i++) {
        long key = i % 5;
        produce("topic_upsert_many", String.valueOf(key), "{\"id\":" + key + ",\"name\":\"r" + round + "-" + i + "\"}");
      }
      Map<Long, String> expected = new TreeMap<>();
      for (long key = 0; key < 5; key++) {
        expected.put(key, "r" + round + "-" + (45 + key));
      }
      awaitContents("upsert_many", "upsert-many", expected, TIMEOUT_MS);
    }
  }

  @Test
  void keyColumnsComeFromTheKafkaKeyWithPkSourceKey() throws Exception {
    deltaTable("upsert_by_key", "");
    connect.kafka().createTopic("topic_upsert_by_key", 1);
    connect.configureConnector("upsert-by-key",
        upsert("topic_upsert_by_key", "upsert_by_key").set("pk.source", "key").build());

    produce("topic_upsert_by_key", "{\"id\":7}", "{\"name\":\"seven\"}");
    produce("topic_upsert_by_key", "{\"id\":8}", "{\"name\":\"eight\",\"id\":999}");
    produce("topic_upsert_by_key", "{\"id\":7}", null);

    awaitContents("upsert_by_key", "upsert-by-key", Map.of(8L, "eight"), TIMEOUT_MS);
  }

  @Test
  void debeziumEnvelopeUpsertsAfterAndDeletesByBeforeOrKey() throws Exception {
    deltaTable("upsert_debezium", "");
    connect.kafka().createTopic("topic_upsert_debezium", 1);
    connect.configureConnector("upsert-debezium",
        upsert("topic_upsert_debezium", "upsert_debezium").set("cdc.format", "debezium").build());

    produce("topic_upsert_debezium", "{\"id\":1}", envelope("c", null, "{\"id\":1,\"name\":\"a\"}"));
    produce("topic_upsert_debezium", "{\"id\":2}", envelope("r", null, "{\"id\":2,\"name\":\"b\"}"));
    produce("topic_upsert_debezium", "{\"id\":3}", envelope("c", null, "{\"id\":3,\"name\":\"c\"}"));
    produce("topic_upsert_debezium", "{\"id\":1}", envelope("u", "{\"id\":1,\"name\":\"a\"}", "{\"id\":1,\"name\":\"a2\"}"));
    produce("topic_upsert_debezium", "{\"id\":2}", envelope("d", "{\"id\":2,\"name\":\"b\"}", null));
    produce("topic_upsert_debezium", "{\"id\":2}", null);
    produce("topic_upsert_debezium", "3", envelope("d", null, null));

    awaitContents("upsert_debezium", "upsert-debezium", Map.of(1L, "a2"), TIMEOUT_MS);
  }

  @Test
  void flattenedDebeziumEventsDeleteByDeletedFlagAndTombstone() throws Exception {
    deltaTable("upsert_flat", "");
    connect.kafka().createTopic("topic_upsert_flat", 1);
    connect.configureConnector("upsert-flat",
        upsert("topic_upsert_flat", "upsert_flat").set("cdc.format", "DEBEZIUM").build());

    produce("topic_upsert_flat", "1", "{\"id\":1,\"name\":\"a\",\"__deleted\":\"false\",\"__op\":\"c\"}");
    produce("topic_upsert_flat", "2", "{\"id\":2,\"name\":\"b\",\"__deleted\":\"false\",\"__source_ts_ms\":1}");
    produce("topic_upsert_flat", "3", "{\"id\":3,\"name\":\"c\"}");
    produce("topic_upsert_flat", "1", "{\"id\":1,\"name\":\"a\",\"__deleted\":\"true\"}");
    produce("topic_upsert_flat", "3", null);

    awaitContents("upsert_flat", "upsert-flat", Map.of(2L, "b"), TIMEOUT_MS);
  }

  @Test
  void partitionedDeltaTableTakesUpsertsAndDeletesInItsPartition() throws Exception {
    deltaTable("upsert_parted", " PARTITIONED BY (pt STRING)");
    connect.kafka().createTopic("topic_upsert_parted", 1);
    connect.configureConnector("upsert-parted",
        upsert("topic_upsert_parted", "upsert_parted").partitionWindow("DAY").build());

    produce("topic_upsert_parted", "1", "{\"id\":1,\"name\":\"a\"}");
    produce("topic_upsert_parted", "2", "{\"id\":2,\"name\":\"b\"}");
    produce("topic_upsert_parted", "1", "{\"id\":1,\"name\":\"a2\"}");
    produce("topic_upsert_parted", "2", null);

    awaitContents("upsert_parted", "upsert-parted", Map.of(1L, "a2"), TIMEOUT_MS);
  }

  @Test
  void aBadChangeRecordGoesToTheErrorTopicNamedAndTheOthersApply() throws Exception {
    deltaTable("upsert_bad", "");
    connect.kafka().createTopic("topic_upsert_bad", 1);
    connect.kafka().createTopic("upsert_errors", 1);
    connect.configureConnector("upsert-bad", upsert("topic_upsert_bad", "upsert_bad")
        .set("cdc.format", "debezium")
        .set("runtime.error.topic.name", "upsert_errors")
        .set("runtime.error.topic.bootstrap.servers", connect.kafka().bootstrapServers())
        .build());

    produce("topic_upsert_bad", "1", envelope("c", null, "{\"id\":1,\"name\":\"a\"}"));
    produce("topic_upsert_bad", "2", envelope("x", null, "{\"id\":2,\"name\":\"b\"}"));
    produce("topic_upsert_bad", "3", "{\"name\":\"no key\"}");
    produce("topic_upsert_bad", "4", envelope("c", null, "{\"id\":4,\"name\":\"d\"}"));

    awaitContents("upsert_bad", "upsert-bad", Map.of(1L, "a", 4L, "d"), TIMEOUT_MS);
    List<String> errors = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consume(2, TIMEOUT_MS, "upsert_errors")) {
      errors.add(new String(record.key(), StandardCharsets.UTF_8));
    }
    assertThat(errors).containsExactly("2", "3");
    CommittedOffsets.awaitEndOfTopic(connect, "upsert-bad", "topic_upsert_bad", 1, TIMEOUT_MS);
  }

  @Test
  void validationRefusesUpsertIntoATableWithoutPrimaryKeyOnWriteMode() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS upsert_plain (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING);");
    Map<String, String> config = upsert("topic_upsert_plain", "upsert_plain").build();

    ConfigInfos infos = connect.validateConnectorConfig(SinkConnectorConfig.CONNECTOR_CLASS, config);

    List<String> writeModeErrors = new ArrayList<>();
    for (ConfigInfo info : infos.values()) {
      if (info.configValue().name().equals("write.mode")) {
        writeModeErrors.addAll(info.configValue().errors());
      }
    }
    assertThat(writeModeErrors).singleElement().asString().contains("needs a Delta table").contains("upsert_plain");
  }

  private void deltaTable(String name, String partitioning) throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + name + " (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT NOT NULL, name STRING, PRIMARY KEY (id))" + partitioning
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"4\");");
  }

  private SinkConnectorConfig upsert(String topic, String table) {
    return SinkConnectorConfig.pointingAt(mc)
        .tasksMax(1)
        .topics(topic)
        .table(table)
        .format("FLATTEN")
        .mode("VALUE")
        .set("write.mode", "UPSERT")
        .set("upsert.commit.interval.ms", "500");
  }

  private void produce(String topic, String key, String value) {
    connect.kafka().produce(topic, key, value);
  }

  private static String envelope(String op, String before, String after) {
    return "{\"before\":" + before + ",\"after\":" + after + ",\"op\":\"" + op + "\","
        + "\"source\":{\"connector\":\"mysql\",\"db\":\"shop\",\"table\":\"t\"},\"ts_ms\":1700000000000}";
  }
}
