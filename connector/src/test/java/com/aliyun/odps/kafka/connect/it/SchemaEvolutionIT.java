package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Column;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * auto.evolve on the Connect runtime, FLATTEN of JSON text: a field the table lacks becomes a
 * nullable column (ALTER TABLE ... ADD COLUMNS) and records go on landing, also across a worker
 * restart while records with the new field flow; a field whose value does not fit its column is
 * not a new column but a failed record, routed to the error topic.
 */
class SchemaEvolutionIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 120_000;
  private static final int PARTITIONS = 2;
  /** Records of {id, name}, before the new field. */
  private static final int BEFORE = 100;
  /**
   * Records of {id, name, score}, streamed while the worker restarts: 5 every 100 ms (about 6 s
   * in all), the rest at once when the task is back.
   */
  private static final int STREAMED = 300;
  /** Records of {id, name, score} once the worker is back. */
  private static final int AFTER = 50;

  SchemaEvolutionIT() {
    // A worker that joins gets the tasks of the one that left after this delay (5 minutes by default).
    super(new Setup().workerProps(Map.of("scheduled.rebalance.max.delay.ms", "2000")).deletingConnectorsAfterEach());
  }

  /**
   * A graceful restart commits the task's offsets on stop, after writing what it buffered, so even
   * at least once writes no record twice here; exactly_once (batch Tunnel, one pre-created table)
   * makes that a promise also when the stop is not graceful.
   */
  @ParameterizedTest(name = "exactly_once={0}, use_streaming={1}")
  @CsvSource({"true, false", "false, false", "false, true"})
  void aNewFieldAddsANullableColumnAndEveryRecordLandsOnceAcrossAWorkerRestart(boolean exactlyOnce, boolean streaming)
      throws Exception {
    String run = exactlyOnce + "_" + streaming;
    String topic = "topic_evolve_" + run;
    String table = "table_evolve_" + run;
    String connector = "evolve-" + run.replace('_', '-');
    idNameTable(table);
    connect.kafka().createTopic(topic, PARTITIONS);
    for (int id = 0; id < BEFORE; id++) {
      connect.kafka().produce(topic, id % PARTITIONS, "k" + id, "{\"id\":" + id + ",\"name\":\"n" + id + "\"}");
    }
    connect.configureConnector(connector, flatten(topic, table)
        .set("auto.evolve", "true")
        .set("exactly_once", String.valueOf(exactlyOnce))
        .streaming(streaming)
        .build());
    assertEveryRecordLandsOnce(connector, topic, PARTITIONS, table, TIMEOUT_MS);
    assertThat(sql.table(table).getSchema().containsColumn("score")).isFalse();

    try (SteadyProducer stream = SteadyProducer.start(connect.kafka(), topic, PARTITIONS, STREAMED, 5, 100,
        n -> withScore(BEFORE + n))) {
      awaitColumn(table, "score", connector);
      WorkerHandle worker = connect.workers().iterator().next();
      connect.removeWorker(worker);
      int sentWhenStopped = stream.sent();
      connect.addWorker();
      connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "the task did not come back");
      System.out.println("SchemaEvolutionIT: exactly_once=" + exactlyOnce + ", use_streaming=" + streaming + ": worker stopped after "
          + sentWhenStopped + " of " + STREAMED + " records with the new field were sent");
      assertThat(sentWhenStopped).as("records with the new field were still flowing").isLessThan(STREAMED);
      stream.sendRestNow();
      stream.done().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
    for (int id = BEFORE + STREAMED; id < BEFORE + STREAMED + AFTER; id++) {
      connect.kafka().produce(topic, id % PARTITIONS, "k" + id, withScore(id));
    }

    assertEveryRecordLandsOnce(connector, topic, PARTITIONS, table, TIMEOUT_MS);
    Column score = sql.table(table).getSchema().getColumn("score");
    assertThat(score.getTypeInfo().getTypeName()).isEqualTo("DOUBLE");
    assertThat(score.isNullable()).isTrue();
    Map<Long, String> scores = new HashMap<>();
    for (Map<String, String> row : sql.rows("SELECT id, score FROM " + table + ";")) {
      scores.put(Long.parseLong(row.get("id")), row.get("score"));
    }
    assertThat(scores).hasSize(BEFORE + STREAMED + AFTER);
    for (long id = 0; id < BEFORE + STREAMED + AFTER; id++) {
      assertThat(scores.get(id)).as("score of id %d", id).isEqualTo(id < BEFORE ? null : id + ".5");
    }
  }

  @Test
  void aValueThatDoesNotFitItsColumnGoesToTheErrorTopicNamingFieldAndRecordAndTheOthersLand() throws Exception {
    String topic = "topic_conflict";
    String table = "table_conflict";
    idNameTable(table);
    connect.kafka().createTopic(topic, 1);
    connect.kafka().createTopic("conflict_errors", 1);
    connect.kafka().produce(topic, "1", "{\"id\":1,\"name\":\"a\"}");
    connect.kafka().produce(topic, "2", "{\"id\":\"abc\",\"name\":\"b\"}");
    connect.kafka().produce(topic, "3", "{\"id\":3,\"name\":\"c\"}");
    connect.configureConnector("conflict", flatten(topic, table)
        .set("auto.evolve", "true")
        .set("runtime.error.topic.name", "conflict_errors")
        .set("runtime.error.topic.bootstrap.servers", connect.kafka().bootstrapServers())
        .build());

    List<Map<String, String>> rows = sql.awaitRowsFromTopic(table, topic, 2, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, "conflict"));
    assertThat(rows).extracting(r -> r.get("offset") + ":" + r.get("id")).containsExactly("0:1", "2:3");
    List<ConsumerRecord<byte[], byte[]>> errors = new ArrayList<>();
    connect.kafka().consume(1, TIMEOUT_MS, "conflict_errors").forEach(errors::add);
    assertThat(errors).hasSize(1);
    ConsumerRecord<byte[], byte[]> error = errors.get(0);
    assertThat(text(error.key())).isEqualTo("2");
    assertThat(headerText(error, "mc.source.topic")).isEqualTo(topic);
    assertThat(headerText(error, "mc.source.partition")).isEqualTo("0");
    assertThat(headerText(error, "mc.source.offset")).isEqualTo("1");
    assertThat(headerText(error, "mc.error.message")).contains("column 'id'").contains("BIGINT").contains("abc");
    assertThat(sql.table(table).getSchema().getColumns()).as("no column added for a type conflict").hasSize(5);
    CommittedOffsets.awaitEndOfTopic(connect, "conflict", topic, 1, TIMEOUT_MS);
  }

  private void idNameTable(String table) throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + " (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING) PARTITIONED BY (pt STRING);");
  }

  private SinkConnectorConfig flatten(String topic, String table) {
    return SinkConnectorConfig.pointingAt(mc).tasksMax(1).topics(topic).table(table).format("FLATTEN").mode("VALUE");
  }

  private static String withScore(int id) {
    return "{\"id\":" + id + ",\"name\":\"n" + id + "\",\"score\":" + id + ".5}";
  }

  /** Waits until the SDK sees {@code column} in {@code table}: the task has run its ALTER TABLE. */
  private void awaitColumn(String table, String column, String connector) throws InterruptedException {
    TestUtils.waitForCondition(() -> sql.table(table).getSchema().containsColumn(column), TIMEOUT_MS, 200,
        () -> "no column " + column + " in " + table + "; " + ConnectorStatus.describe(connect, connector));
  }
}
