package com.aliyun.odps.kafka.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.errors.FakeSinkTaskContext;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.MockTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {
  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  /** The worker's own registry, as a Kafka 4.1 worker holds it. */
  private final Metrics worker = new Metrics();

  @AfterEach
  void closeWorker() {
    worker.close();
  }

  @Test
  void onAKip877WorkerTheyAreTheWorkersPluginMetricsTaggedWithConnectorAndTask() {
    TaskMetrics metrics = routed(TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 2)),
        "sink", 2), "error-topic");

    metrics.received(5);
    metrics.written("p.t", 4, 120);

    assertThat(metrics.mbeanName()).isEqualTo("kafka.connect:type=plugins,connector=sink,task=2");
    assertThat(workerValue("records-received-total", "sink", 2)).isEqualTo(5.0);
    assertThat(workerValue("rows-written-total", "sink", 2)).isEqualTo(4.0);
    assertThat(workerValue("error-route", "sink", 2)).isEqualTo("error-topic");
  }

  @Test
  void twoTasksOfAConnectorOnOneWorkerCountApart() {
    TaskMetrics first = TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 0)), "sink", 0);
    TaskMetrics second = TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 1)), "sink", 1);

    first.received(3);
    second.received(7);

    assertThat(workerValue("records-received-total", "sink", 0)).isEqualTo(3.0);
    assertThat(workerValue("records-received-total", "sink", 1)).isEqualTo(7.0);
  }

  @Test
  void closingRemovesThemFromTheWorkerSoAWriterOpenedAgainRegistersThemAgain() {
    PluginMetricsImpl plugin = pluginMetrics("sink", 0);
    routed(TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(plugin), "sink", 0), "skip").close();

    assertThat(worker.metric(workerName("rows-written-total", "sink", 0))).isNull();
    TaskMetrics again = routed(TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(plugin), "sink", 0), "skip");
    again.written("p.t", 1, 1);
    assertThat(workerValue("rows-written-total", "sink", 0)).isEqualTo(1.0);
  }

  @Test
  void onAWorkerWithoutPluginMetricsTheyAreAnMBeanOfTheirOwn() throws Exception {
    ObjectName name = new ObjectName("kafka.connect.maxcompute:type=sink-task-metrics,connector=old-sink,task=3");
    TaskMetrics metrics = routed(TaskMetrics.register(FakeSinkTaskContext.beforePluginMetrics(), "old-sink", 3), "connect-reporter");
    try {
      metrics.received(5);
      metrics.routed(2);

      assertThat(metrics.mbeanName()).isEqualTo(name.toString());
      assertThat(JMX.getAttribute(name, "records-received-total")).isEqualTo(5.0);
      assertThat(JMX.getAttribute(name, "records-routed-total")).isEqualTo(2.0);
      assertThat(JMX.getAttribute(name, "error-route")).isEqualTo("connect-reporter");
    } finally {
      metrics.close();
    }
    assertThat(JMX.isRegistered(name)).as("unregistered on close").isFalse();
  }

  @Test
  void aWorkerThatGivesNoPluginMetricsGetsTheMBeanOfTheirOwnToo() throws Exception {
    try (TaskMetrics metrics = routed(TaskMetrics.register(FakeSinkTaskContext.withoutReporter(), "plain", 0), "skip")) {
      assertThat(JMX.isRegistered(new ObjectName(metrics.mbeanName()))).isTrue();
      assertThat(metrics.mbeanName()).startsWith("kafka.connect.maxcompute:type=sink-task-metrics,");
    }
  }

  @Test
  void writesCountTheirRowsLatenciesAndFailuresByKind() {
    TaskMetrics metrics = onOwnRegistry(new MockTime());
    try {
      metrics.written("p.t", 10, 100);
      metrics.written("p.t", 30, 300);
      metrics.failedTransiently();
      metrics.failedTransiently();
      metrics.retried(2);
      metrics.failedFatally();

      assertThat(ownValue(metrics, "rows-written-total")).isEqualTo(40.0);
      assertThat(ownValue(metrics, "writes-total")).isEqualTo(2.0);
      assertThat(ownValue(metrics, "write-latency-avg")).isEqualTo(200.0);
      assertThat(ownValue(metrics, "write-latency-max")).isEqualTo(300.0);
      assertThat((double) ownValue(metrics, "write-latency-p99")).isBetween(270.0, 330.0);
      assertThat(ownValue(metrics, "write-failures-transient-total")).isEqualTo(2.0);
      assertThat(ownValue(metrics, "write-retries-total")).isEqualTo(2.0);
      assertThat(ownValue(metrics, "write-failures-fatal-total")).isEqualTo(1.0);
    } finally {
      metrics.close();
    }
  }

  @Test
  void gaugesShowWhatIsHeldAndTheOldestRowAgesUntilItIsWritten() {
    MockTime time = new MockTime();
    TaskMetrics metrics = onOwnRegistry(time);
    try {
      metrics.held(12, 3_400, time.milliseconds());
      metrics.commitLag(12);
      time.sleep(1_500);

      assertThat(ownValue(metrics, "buffered-rows")).isEqualTo(12L);
      assertThat(ownValue(metrics, "buffered-bytes")).isEqualTo(3_400L);
      assertThat(ownValue(metrics, "oldest-buffered-row-age-ms")).isEqualTo(1_500L);
      assertThat(ownValue(metrics, "commit-lag")).isEqualTo(12L);

      metrics.held(0, 0, -1);
      metrics.commitLag(0);
      assertThat(ownValue(metrics, "oldest-buffered-row-age-ms")).isEqualTo(0L);
      assertThat(ownValue(metrics, "commit-lag")).isEqualTo(0L);
    } finally {
      metrics.close();
    }
  }

  @Test
  void eachTableWrittenHasItsOwnMetricsTaggedWithTheTable() {
    TaskMetrics metrics = TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 0)), "sink", 0);

    metrics.written("p.orders", 4, 10);
    metrics.written("p.orders", 6, 10);
    metrics.written("p.refunds", 1, 10);
    metrics.sent("p.orders", 1_000, -1);
    metrics.sent("p.refunds", -1, 80);

    assertThat(workerValue("rows-written-total", "sink", 0)).isEqualTo(11.0);
    assertThat(tableValue("rows-written-total", "p.orders")).isEqualTo(10.0);
    assertThat(tableValue("writes-total", "p.orders")).isEqualTo(2.0);
    assertThat(tableValue("rows-written-total", "p.refunds")).isEqualTo(1.0);
    assertThat(tableValue("bytes-encoded-total", "p.orders")).isEqualTo(1_000.0);
    assertThat(tableValue("bytes-sent-total", "p.orders")).as("not known, not counted").isEqualTo(0.0);
    assertThat(tableValue("bytes-sent-total", "p.refunds")).isEqualTo(80.0);
    assertThat(workerValue("bytes-encoded-total", "sink", 0)).isEqualTo(1_000.0);
    assertThat(workerValue("bytes-sent-total", "sink", 0)).isEqualTo(80.0);

    metrics.close();
    assertThat(worker.metric(tableName("rows-written-total", "p.orders"))).as("removed with the task's").isNull();
  }

  @Test
  void tunnelRequestsAreCountedByKind() {
    TaskMetrics metrics = TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 0)), "sink", 0);

    metrics.counted(TunnelEvent.UPLOAD_SESSION);
    metrics.counted(TunnelEvent.BLOCK);
    metrics.counted(TunnelEvent.BLOCK);
    metrics.counted(TunnelEvent.UPLOAD_COMMIT);
    metrics.counted(TunnelEvent.STREAM_PACK);
    metrics.counted(TunnelEvent.UPSERT_COMMIT);

    assertThat(workerValue("upload-sessions-total", "sink", 0)).isEqualTo(1.0);
    assertThat(workerValue("blocks-total", "sink", 0)).isEqualTo(2.0);
    assertThat(workerValue("upload-commits-total", "sink", 0)).isEqualTo(1.0);
    assertThat(workerValue("stream-sessions-total", "sink", 0)).isEqualTo(0.0);
    assertThat(workerValue("stream-packs-total", "sink", 0)).isEqualTo(1.0);
    assertThat(workerValue("upsert-sessions-total", "sink", 0)).isEqualTo(0.0);
    assertThat(workerValue("upsert-commits-total", "sink", 0)).isEqualTo(1.0);
  }

  @Test
  void credentialGaugesReadTheClientsOnceTheyAreGivenAndZeroBefore() {
    TaskMetrics metrics = TaskMetrics.register(FakeSinkTaskContext.withPluginMetrics(pluginMetrics("sink", 0)), "sink", 0);
    assertThat(workerValue("credential-refreshes-total", "sink", 0)).isEqualTo(0L);

    long[] refreshes = {3};
    metrics.credentials(() -> refreshes[0], () -> 1);
    refreshes[0] = 4;

    assertThat(workerValue("credential-refreshes-total", "sink", 0)).isEqualTo(4L);
    assertThat(workerValue("credential-refresh-failures-total", "sink", 0)).isEqualTo(1L);
  }

  private PluginMetricsImpl pluginMetrics(String connector, int task) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", connector);
    tags.put("task", String.valueOf(task));
    return new PluginMetricsImpl(worker, tags);
  }

  private MetricName workerName(String name, String connector, int task) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", connector);
    tags.put("task", String.valueOf(task));
    return new MetricName(name, "plugins", "", tags);
  }

  private MetricName tableName(String name, String table) {
    MetricName task = workerName(name, "sink", 0);
    Map<String, String> tags = new LinkedHashMap<>(task.tags());
    tags.put("table", table);
    return new MetricName(name, "plugins", "", tags);
  }

  private Object tableValue(String name, String table) {
    return worker.metric(tableName(name, table)).metricValue();
  }

  private Object workerValue(String name, String connector, int task) {
    return worker.metric(workerName(name, connector, task)).metricValue();
  }

  /** On a registry of the test's clock, the one a worker without plugin metrics gets. */
  private static TaskMetrics onOwnRegistry(MockTime time) {
    return new TaskMetrics(new OwnJmxMetrics("clocked", 0, time));
  }

  private static TaskMetrics routed(TaskMetrics metrics, String route) {
    metrics.errorRoute(route);
    return metrics;
  }

  private static Object ownValue(TaskMetrics metrics, String name) {
    try {
      return JMX.getAttribute(new ObjectName(metrics.mbeanName()), name);
    } catch (Exception e) {
      throw new AssertionError("no attribute " + name + " on " + metrics.mbeanName(), e);
    }
  }
}
