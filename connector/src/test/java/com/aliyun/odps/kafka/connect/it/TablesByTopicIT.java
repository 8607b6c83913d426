package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One connector writing many tables: a {@code ${topic}} table template, {@code topic2table.map},
 * and a topic renamed by an SMT, where the table follows the new name while the {@code topic} meta
 * column and the committed offsets stay with the topic the record was read from.
 */
class TablesByTopicIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;
  private static final int PARTITIONS = 3;
  private static final int RECORDS = 120;

  TablesByTopicIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @Test
  void aTopicRenamedByRegexRouterLandsInTheTableOfItsNewNameUnderItsOriginalTopicAndOffsets() throws Exception {
    String topic = "shop.orders-raw";
    // RegexRouter renames it shop.orders-Clean; the template makes that shop_orders_clean.
    String table = "shop_orders_clean";
    createTextTable(table);
    connect.kafka().createTopic(topic, PARTITIONS);
    Set<String> values = produceNumbered(topic);

    connect.configureConnector("renamed", textConnector(topic, "${topic}")
        .set("transforms", "route")
        .set("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter")
        .set("transforms.route.regex", "(.*)-raw")
        .set("transforms.route.replacement", "$1-Clean")
        .build());

    int rows = sql.awaitEveryRecord(table, topic, endOffsets(topic, PARTITIONS), TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, "renamed"));
    CommittedOffsets.awaitEndOfTopic(connect, "renamed", topic, PARTITIONS, TIMEOUT_MS);
    assertThat(rows).isEqualTo(RECORDS);
    assertThat(valuesOf(table, topic)).isEqualTo(values);
    assertThat(sql.rows("SELECT DISTINCT topic FROM " + table + ";"))
        .extracting(r -> r.get("topic")).containsExactly(topic);
    assertThat(CommittedOffsets.topics(connect, "renamed")).containsExactly(topic);
  }

  @ParameterizedTest(name = "use_streaming={0}")
  @ValueSource(booleans = {false, true})
  void threeTopicsLandInTheirOwnTablesByMapAndTemplateWithTwoTasks(boolean streaming) throws Exception {
    String run = streaming ? "_s" : "";
    String connector = "three-tables" + run.replace('_', '-');
    List<String> topics = List.of("tbt_a" + run, "tbt_b" + run, "tbt_c" + run);
    // tbt_a and tbt_b by the map, tbt_c by the template.
    Map<String, String> tables = Map.of(topics.get(0), "table_alpha" + run, topics.get(1), "table_beta" + run,
        topics.get(2), "routed_tbt_c" + run);
    Map<String, Set<String>> values = new HashMap<>();
    for (String topic : topics) {
      createTextTable(tables.get(topic));
      connect.kafka().createTopic(topic, PARTITIONS);
      values.put(topic, produceNumbered(topic));
    }

    connect.configureConnector(connector, textConnector(String.join(",", topics), "routed_${topic}")
        .tasksMax(2)
        .streaming(streaming)
        .set("topic2table.map", topics.get(0) + ":" + tables.get(topics.get(0)) + "," + topics.get(1) + ":"
            + tables.get(topics.get(1)))
        .build());

    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 2, "two tasks did not start");
    for (String topic : topics) {
      String table = tables.get(topic);
      int rows = sql.awaitEveryRecord(table, topic, endOffsets(topic, PARTITIONS), TIMEOUT_MS,
          () -> ConnectorStatus.describe(connect, connector));
      assertThat(rows).as("rows of %s in %s", topic, table).isEqualTo(RECORDS);
      assertThat(valuesOf(table, topic)).isEqualTo(values.get(topic));
      assertThat(sql.rows("SELECT COUNT(*) AS n FROM " + table + ";")).as("all rows of %s", table)
          .extracting(r -> r.get("n")).containsExactly(String.valueOf(RECORDS));
    }
    for (String topic : topics) {
      CommittedOffsets.awaitEndOfTopic(connect, connector, topic, PARTITIONS, TIMEOUT_MS);
    }
  }


  /** TEXT values into {@code table} (a name or a template), one partition column pt of the flush day. */
  private SinkConnectorConfig textConnector(String topics, String table) {
    return SinkConnectorConfig.pointingAt(mc).topics(topics).table(table).format("TEXT").mode("VALUE")
        .partitionWindow("DAY");
  }

  /** Sends {@link #RECORDS} records spread over the partitions, values {@code <topic>-<i>}; returns the values. */
  private Set<String> produceNumbered(String topic) throws Exception {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Set<String> values = new TreeSet<>();
    for (int i = 0; i < RECORDS; i++) {
      String value = topic + "-" + i;
      records.add(new ProducerRecord<>(topic, i % PARTITIONS, "k" + i, value));
      values.add(value);
    }
    produceAll(records);
    return values;
  }

  private Set<String> valuesOf(String table, String topic) throws Exception {
    Set<String> seen = new TreeSet<>();
    sql.rowsFromTopic(table, topic).forEach(r -> seen.add(r.get("value")));
    return seen;
  }
}
