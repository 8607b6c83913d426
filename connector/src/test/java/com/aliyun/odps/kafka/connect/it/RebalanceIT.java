package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker joins and then leaves while records stream in: tasks move between workers (Connect's
 * incremental cooperative rebalancing), and every record must still land. At-least-once: a record
 * may land twice (a task that loses its partitions after a write but before the offset commit),
 * never zero times.
 */
class RebalanceIT {
  private static final String CONNECTOR = "odps-test-rebalance";
  private static final String TOPIC = "topic_rebalance";
  private static final String TABLE = "table_rebalance";
  private static final int PARTITIONS = 4;
  private static final int RECORDS = 2000;
  /**
   * 10 records every 100 ms: the stream lasts about 20 s, longer than a worker joining, the tasks
   * moving, the worker leaving and its tasks coming back (about 10 s here).
   */
  private static final int BATCH = 10;
  private static final long BATCH_PERIOD_MS = 100;
  private static final long TIMEOUT_MS = 120_000;

  @RegisterExtension
  @Order(1)
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @RegisterExtension
  @Order(2)
  // A worker that leaves gets its tasks reassigned only after this delay (5 minutes by default).
  static final ConnectClusterExtension CONNECT =
      new ConnectClusterExtension(1, Map.of("scheduled.rebalance.max.delay.ms", "2000"));

  private static EmbeddedConnectCluster connect;
  private static MaxComputeSql sql;

  @BeforeAll
  static void clients() {
    connect = CONNECT.connect();
    sql = MaxComputeSql.on(MC.service());
  }

  @Test
  void noRecordIsLostWhileAWorkerJoinsAndLeavesMidStream() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + "(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(TOPIC, PARTITIONS);
    Map<String, String> config = DocumentConnectorConfigs.text(MC.service());
    config.put("topics", TOPIC);
    config.put("table", TABLE);
    config.put("tasks.max", "2");
    config.put("mode", "DEFAULT");
    connect.configureConnector(CONNECTOR, config);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 2, "connector did not start");

    ScheduledExecutorService producerThread = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> streamDone = new CompletableFuture<>();
    try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of("acks", "all"))) {
      producerThread.scheduleAtFixedRate(() -> {
        if (streamDone.isDone()) {
          return;
        }
        try {
          for (int i = 0; i < BATCH && sent.get() < RECORDS; i++) {
            int n = sent.getAndIncrement();
            producer.send(new ProducerRecord<>(TOPIC, n % PARTITIONS, bytes("k" + n), bytes("v" + n))).get();
          }
          if (sent.get() >= RECORDS) {
            streamDone.complete(null);
          }
        } catch (Exception e) {
          streamDone.completeExceptionally(e);
        }
      }, 0, BATCH_PERIOD_MS, TimeUnit.MILLISECONDS);

      // Mid-stream: a second worker joins once rows are flowing, takes a task, then leaves again.
      awaitRowCount(1);
      WorkerHandle joined = connect.addWorker();
      connect.assertions().assertExactlyNumWorkersAreUp(2, "the second worker did not join");
      awaitTasksRunningOnWorkers(2);
      int sentWhenJoined = sent.get();
      connect.removeWorker(joined);
      connect.assertions().assertExactlyNumWorkersAreUp(1, "the second worker did not leave");
      awaitTasksRunningOnWorkers(1);
      report("worker joined after " + sentWhenJoined + " records were sent, left after " + sent.get());
      assertThat(sent.get()).as("the stream was still going when the worker left").isLessThan(RECORDS);

      streamDone.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } finally {
      producerThread.shutdownNow();
    }
    assertThat(sent.get()).isEqualTo(RECORDS);

    Map<Integer, Long> ends = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      ends.put(p, connect.kafka().endOffset(new org.apache.kafka.common.TopicPartition(TOPIC, p)));
    }
    assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);

    Set<String> missing = new HashSet<>();
    int[] rowCount = {0};
    TestUtils.waitForCondition(() -> {
      List<Map<String, String>> rows = sql.rows("SELECT `partition`, `offset` FROM " + TABLE
          + " WHERE topic = '" + TOPIC + "';");
      rowCount[0] = rows.size();
      missing.clear();
      missing.addAll(expectedPositions(ends));
      for (Map<String, String> r : rows) {
        missing.remove(r.get("partition") + "@" + r.get("offset"));
      }
      return missing.isEmpty();
    }, TIMEOUT_MS, 1000, () -> missing.size() + " records missing from " + TABLE + " (" + rowCount[0]
        + " rows), e.g. " + missing.stream().limit(20).toList() + "; " + ConnectorStatus.describe(connect, CONNECTOR));

    report(RECORDS + " records, " + rowCount[0] + " rows: " + (rowCount[0] - RECORDS) + " duplicates");
    assertThat(rowCount[0]).isGreaterThanOrEqualTo(RECORDS);
    CommittedOffsets.awaitEndOfTopic(connect, CONNECTOR, TOPIC, PARTITIONS, TIMEOUT_MS);
  }

  /** Both tasks RUNNING, spread over exactly {@code workers} workers. */
  private static void awaitTasksRunningOnWorkers(int workers) throws InterruptedException {
    TestUtils.waitForCondition(() -> {
      List<ConnectorStateInfo.TaskState> tasks = connect.connectorStatus(CONNECTOR).tasks();
      Set<String> hosts = new HashSet<>();
      for (ConnectorStateInfo.TaskState t : tasks) {
        if (!"RUNNING".equals(t.state())) {
          return false;
        }
        hosts.add(t.workerId());
      }
      return tasks.size() == 2 && hosts.size() == workers;
    }, TIMEOUT_MS, 200, () -> "tasks not running on " + workers + " workers: " + ConnectorStatus.describe(connect, CONNECTOR));
  }

  private void awaitRowCount(int atLeast) throws InterruptedException {
    sql.awaitRowsFromTopic(TABLE, TOPIC, atLeast, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, CONNECTOR));
  }

  /** On standard output, which surefire keeps in its report whatever the logging setup. */
  private static void report(String line) {
    System.out.println("RebalanceIT: " + line);
  }

  private static Set<String> expectedPositions(Map<Integer, Long> ends) {
    Set<String> positions = new HashSet<>();
    ends.forEach((partition, end) -> {
      for (long offset = 0; offset < end; offset++) {
        positions.add(partition + "@" + offset);
      }
    });
    return positions;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
