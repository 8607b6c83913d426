package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * exactly_once on the real Connect runtime: rows MaxCompute has committed whose Kafka offsets were
 * not committed are not written again. The state a crash between the two commits leaves is made
 * deterministically: the connector writes and commits everything, is deleted, and its consumer
 * group's offsets are set back (as if the offset commits after those MaxCompute commits had never
 * happened); the connector is then created again under the same name and reads from there.
 * Without exactly_once the same run writes those records twice, which shows the test would see it.
 */
class ExactlyOnceIT extends IntegrationTestBase {
  private static final int PARTITIONS = 2;
  private static final int FIRST = 50;
  private static final int MORE = 25;
  /** Where the group's offsets are set back to, per partition: 30 + 50 records MaxCompute has already. */
  private static final Map<Integer, Long> SET_BACK_TO = Map.of(0, 20L, 1, 0L);
  private static final long TIMEOUT_MS = 120_000;

  private CapturedLogs logs;

  ExactlyOnceIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @BeforeAll
  void captureLogs() {
    logs = CapturedLogs.start();
  }

  @AfterAll
  void stopCapture() {
    if (logs != null) {
      logs.close();
    }
  }

  @ParameterizedTest(name = "exactly_once={0}")
  @ValueSource(booleans = {true, false})
  void recordsCommittedInMaxComputeButNotInKafkaAreNotWrittenAgain(boolean exactlyOnce) throws Exception {
    String connectorName = "odps-test-exactly-once-" + exactlyOnce;
    String topic = "topic_exactly_once_" + exactlyOnce;
    String table = "table_exactly_once_" + exactlyOnce;
    createTextTable(table);
    connect.kafka().createTopic(topic, PARTITIONS);
    Map<String, String> config = SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics(topic).table(table).tasksMax(2).mode("DEFAULT").build();
    config.put("exactly_once", String.valueOf(exactlyOnce));

    produce(topic, 0, FIRST);
    connect.configureConnector(connectorName, config);
    awaitEverythingCommitted(connectorName, topic, table);
    connect.deleteConnector(connectorName);
    setGroupOffsetsBack(connectorName, topic);

    produce(topic, FIRST, MORE);
    connect.configureConnector(connectorName, config);
    int rows = awaitEverythingCommitted(connectorName, topic, table);

    int records = PARTITIONS * (FIRST + MORE);
    String distinct = sql.rows("SELECT COUNT(*) AS n FROM (SELECT DISTINCT `partition`, `offset` FROM " + table
        + ") d;").get(0).get("n");
    assertThat(Integer.parseInt(distinct)).isEqualTo(records);
    if (exactlyOnce) {
      assertThat(rows).as("each record exactly once").isEqualTo(records);
      assertThat(logs.text())
          .contains(topic + "-0: records already in MaxCompute through offset " + (FIRST - 1))
          .contains(topic + "-1: records already in MaxCompute through offset " + (FIRST - 1));
    } else {
      long replayed = SET_BACK_TO.values().stream().mapToLong(back -> FIRST - back).sum();
      assertThat(rows).as("at least once: the records after the set-back offsets land twice").isEqualTo(records + replayed);
    }
  }

  private void produce(String topic, int fromIndex, int perPartition) {
    for (int p = 0; p < PARTITIONS; p++) {
      for (int i = fromIndex; i < fromIndex + perPartition; i++) {
        connect.kafka().produce(topic, p, "k" + i, "record " + i + " of partition " + p);
      }
    }
  }

  /** Every record of the topic in the table and its offset committed; returns the table's row count. */
  private int awaitEverythingCommitted(String connectorName, String topic, String table) throws Exception {
    Map<Integer, Long> ends = endOffsets(topic, PARTITIONS);
    int rows = sql.awaitEveryRecord(table, topic, ends, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, connectorName));
    CommittedOffsets.awaitEndOfTopic(connect, connectorName, topic, PARTITIONS, TIMEOUT_MS);
    // Offsets are committed only after MaxCompute committed the rows: the count is final now.
    return Math.max(rows, sql.rowsFromTopic(table, topic).size());
  }

  /** Once the deleted connector's consumers have left its group, sets the group's offsets back. */
  private void setGroupOffsetsBack(String connectorName, String topic) throws Exception {
    String group = "connect-" + connectorName;
    try (Admin admin = connect.kafka().createAdminClient()) {
      TestUtils.waitForCondition(
          () -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty(),
          TIMEOUT_MS, 200, () -> "the consumers of " + group + " did not leave");
      Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
      SET_BACK_TO.forEach((p, offset) -> back.put(new TopicPartition(topic, p), new OffsetAndMetadata(offset)));
      admin.alterConsumerGroupOffsets(group, back).all().get();
    }
  }
}
