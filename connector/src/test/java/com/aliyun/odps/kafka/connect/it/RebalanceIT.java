package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A worker joins and then leaves while records stream in: tasks move between workers (Connect's
 * incremental cooperative rebalancing), and every record must still land. At-least-once: a record
 * may land twice (a task that loses its partitions after a write but before the offset commit),
 * never zero times; with exactly_once, exactly once.
 */
class RebalanceIT extends IntegrationTestBase {
  private static final String COOPERATIVE = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
  private static final int PARTITIONS = 4;
  private static final int RECORDS = 2000;
  /**
   * 10 records every 100 ms: the stream would last about 20 s, longer than a worker joining, the
   * tasks moving, the worker leaving and its tasks coming back (about 10 s here); once the tasks
   * are back on one worker, the rest of the stream goes out at once.
   */
  private static final int BATCH = 10;
  private static final long BATCH_PERIOD_MS = 100;
  private static final long TIMEOUT_MS = 120_000;

  RebalanceIT() {
    // A worker that leaves gets its tasks reassigned only after this delay (5 minutes by default).
    // Connectors may choose their consumer's assignor (the cooperative run below does).
    // Each run needs the cluster to itself: tasks of another connector could move instead of its own.
    super(new Setup()
        .workerProps(Map.of("scheduled.rebalance.max.delay.ms", "2000", "connector.client.config.override.policy", "All"))
        .deletingConnectorsAfterEach());
  }

  /**
   * Run with the consumer's default assignor (eager: every task gives up all its partitions on a
   * rebalance) and with the cooperative one (a task keeps the partitions it still owns and is told
   * to close only the ones it loses, while its buffers hold rows of the others); and with
   * exactly_once, where a task given a partition skips what its previous owner committed to
   * MaxCompute but not to Kafka.
   */
  @ParameterizedTest(name = "assignor {0}, exactly_once={1}")
  @CsvSource({"default, false", "cooperative, false", "cooperative, true"})
  void noRecordIsLostWhileAWorkerJoinsAndLeavesMidStream(String assignor, boolean exactlyOnce) throws Exception {
    String run = assignor + (exactlyOnce ? "_exactly_once" : "");
    String connectorName = "odps-test-rebalance-" + run.replace('_', '-');
    String topic = "topic_rebalance_" + run;
    String table = "table_rebalance_" + run;
    createTextTable(table);
    connect.kafka().createTopic(topic, PARTITIONS);
    Map<String, String> config = SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics(topic)
        .table(table)
        .tasksMax(2)
        .mode("DEFAULT")
        .build();
    config.put("exactly_once", String.valueOf(exactlyOnce));
    if (assignor.equals("cooperative")) {
      config.put("consumer.override.partition.assignment.strategy", COOPERATIVE);
    }
    connect.configureConnector(connectorName, config);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connectorName, 2, "connector did not start");

    try (SteadyProducer stream = SteadyProducer.start(connect.kafka(), topic, PARTITIONS, RECORDS, BATCH,
        BATCH_PERIOD_MS)) {

      // Mid-stream: a second worker joins once rows are flowing, takes a task, then leaves again.
      sql.awaitRowsFromTopic(table, topic, 1, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, connectorName));
      WorkerHandle joined = connect.addWorker();
      connect.assertions().assertExactlyNumWorkersAreUp(2, "the second worker did not join");
      awaitTasksRunningOnWorkers(connectorName, 2);
      int sentWhenJoined = stream.sent();
      connect.removeWorker(joined);
      connect.assertions().assertExactlyNumWorkersAreUp(1, "the second worker did not leave");
      awaitTasksRunningOnWorkers(connectorName, 1);
      report(run + ": worker joined after " + sentWhenJoined + " records were sent, left after " + stream.sent());
      assertThat(stream.sent()).as("the stream was still going when the worker left").isLessThan(RECORDS);
      stream.sendRestNow();

      stream.done().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      assertThat(stream.sent()).isEqualTo(RECORDS);
    }

    Map<Integer, Long> ends = endOffsets(topic, PARTITIONS);
    assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);

    int rowCount = sql.awaitEveryRecord(table, topic, ends, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connectorName));

    report(run + ": " + RECORDS + " records, " + rowCount + " rows: " + (rowCount - RECORDS) + " duplicates");
    if (exactlyOnce) {
      CommittedOffsets.awaitEndOfTopic(connect, connectorName, topic, PARTITIONS, TIMEOUT_MS);
      assertThat(sql.rowsFromTopic(table, topic)).as("every record exactly once").hasSize(RECORDS);
    }
    assertThat(rowCount).isGreaterThanOrEqualTo(RECORDS);
    CommittedOffsets.awaitEndOfTopic(connect, connectorName, topic, PARTITIONS, TIMEOUT_MS);
  }

  /** Both tasks RUNNING, spread over exactly {@code workers} workers. */
  private void awaitTasksRunningOnWorkers(String connectorName, int workers) throws InterruptedException {
    TestUtils.waitForCondition(() -> {
      List<ConnectorStateInfo.TaskState> tasks = connect.connectorStatus(connectorName).tasks();
      Set<String> hosts = new HashSet<>();
      for (ConnectorStateInfo.TaskState t : tasks) {
        if (!"RUNNING".equals(t.state())) {
          return false;
        }
        hosts.add(t.workerId());
      }
      return tasks.size() == 2 && hosts.size() == workers;
    }, TIMEOUT_MS, 200, () -> "tasks not running on " + workers + " workers: " + ConnectorStatus.describe(connect, connectorName));
  }

  /** On standard output, which surefire keeps in its report whatever the logging setup. */
  private static void report(String line) {
    System.out.println("RebalanceIT: " + line);
  }
}
