package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.Test;

/**
 * Failed records without the document's error topic: Connect's own dead-letter queue, skip_error,
 * and a task that stops and says why. The bad record is the abnormal example's: a FLATTEN message
 * with a key ({@code extendinfos}) the table has no column for.
 */
class ErrorRoutingIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;
  private static final String GOOD_1 = "{\"id\":100,\"name\":\"json-3\",\"extendinfo\":{\"region\":\"beijing\"}}";
  private static final String BAD = "{\"id\":101,\"name\":\"json-4\",\"extendinfos\":\"null\"}";
  private static final String GOOD_2 = "{\"id\":102,\"name\":\"json-5\",\"extendinfo\":{\"region\":\"beijing\"}}";

  ErrorRoutingIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @Test
  void connectsDeadLetterQueueReceivesTheBadRecordAndTheGoodOnesLand() throws Exception {
    String topic = "topic_dlq";
    prepare(topic, "table_dlq");
    Map<String, String> config = flattenConfig(topic, "table_dlq")
        .set("errors.tolerance", "all")
        .set("errors.deadletterqueue.topic.name", "dlq")
        .set("errors.deadletterqueue.topic.replication.factor", "1")
        .set("errors.deadletterqueue.context.headers.enable", "true")
        .build();

    connect.configureConnector("dlq-connector", config);

    List<Map<String, String>> rows = sql.awaitRowsFromTopic("table_dlq", topic, 2, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, "dlq-connector"));
    assertThat(rows).extracting(r -> r.get("offset"), r -> r.get("id")).containsExactly(tuple("0", "100"), tuple("2", "102"));

    List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
    connect.kafka().consume(1, TIMEOUT_MS, "dlq").forEach(dead::add);
    assertThat(dead).hasSize(1);
    assertThat(text(dead.get(0).value())).isEqualTo(BAD);
    assertThat(text(dead.get(0).key())).isEqualTo("101");
    Header sourceTopic = dead.get(0).headers().lastHeader("__connect.errors.topic");
    assertThat(sourceTopic).isNotNull();
    assertThat(text(sourceTopic.value())).isEqualTo(topic);

    CommittedOffsets.awaitEndOfTopic(connect, "dlq-connector", topic, 1, TIMEOUT_MS);
  }

  @Test
  void skipErrorDropsTheBadRecordAndGoesOn() throws Exception {
    String topic = "topic_skip";
    prepare(topic, "table_skip");
    Map<String, String> config = flattenConfig(topic, "table_skip").set("skip_error", "true").build();

    connect.configureConnector("skip-connector", config);

    List<Map<String, String>> rows = sql.awaitRowsFromTopic("table_skip", topic, 2, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, "skip-connector"));
    assertThat(rows).extracting(r -> r.get("offset"), r -> r.get("id")).containsExactly(tuple("0", "100"), tuple("2", "102"));
    CommittedOffsets.awaitEndOfTopic(connect, "skip-connector", topic, 1, TIMEOUT_MS);
  }

  @Test
  void withoutAnyErrorRouteTheTaskFailsNamingTheRecordInItsStatus() throws Exception {
    String topic = "topic_fail";
    prepare(topic, "table_fail");
    Map<String, String> config = flattenConfig(topic, "table_fail").tasksMax(1).set("skip_error", "false").build();

    connect.configureConnector("failing-connector", config);

    connect.assertions().assertConnectorIsRunningAndTasksHaveFailed("failing-connector", 1,
        "the task did not fail on a record that cannot be written");
    ConnectorStateInfo status = connect.connectorStatus("failing-connector");
    String trace = status.tasks().get(0).trace();
    assertThat(trace).contains(topic).contains("partition 0").contains("offset 1").containsIgnoringCase("extendinfos");

    // Nothing past the bad record is committed: restarting the task after a fix reads it again.
    try (Admin admin = connect.kafka().createAdminClient()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets("connect-failing-connector").partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata offset = committed.get(new TopicPartition(topic, 0));
      if (offset != null) {
        assertThat(offset.offset()).isLessThanOrEqualTo(1);
      }
    }
  }

  private void prepare(String topic, String table) throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + "(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  id BIGINT,\n  name STRING,\n"
        + "  extendinfo JSON\n) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(topic, 1);
    connect.kafka().produce(topic, "100", GOOD_1);
    connect.kafka().produce(topic, "101", BAD);
    connect.kafka().produce(topic, "102", GOOD_2);
  }

  /** The document's FLATTEN connector JSON, reading {@code topic} into {@code table}. */
  private SinkConnectorConfig flattenConfig(String topic, String table) {
    return SinkConnectorConfig.documentExample(mc, "FLATTEN").topics(topic).table(table);
  }
}
