package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

/**
 * The task's metrics as an operator reads them: over JMX from the worker (the embedded one runs in
 * this JVM), under the name the worker gives plugin metrics (KIP-877), against what landed.
 */
class TaskMetricsIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 30_000;
  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
  private static final int GOOD = 21;
  private static final int BAD = 3;

  @Test
  void rowsWrittenAndRecordsRoutedMatchTheTableAndTheErrorTopicAndCommitLagReturnsToZero() throws Exception {
    String topic = "metrics_topic";
    String table = "metrics_table";
    String errors = "metrics_errors";
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + "(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(topic, 1);
    connect.kafka().createTopic(errors, 1);
    for (int i = 0; i < GOOD + BAD; i++) {
      // Every eighth record has a field the table lacks (the document's abnormal example): it is routed.
      String value = i % 8 == 7
          ? "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"extendinfos\":\"null\"}"
          : "{\"id\":" + i + ",\"name\":\"n" + i + "\"}";
      connect.kafka().produce(topic, String.valueOf(i), value);
    }

    connect.configureConnector("metrics", SinkConnectorConfig.documentExample(mc, "FLATTEN").topics(topic).table(table)
        .tasksMax(1)
        .set("runtime.error.topic.name", errors)
        .set("runtime.error.topic.bootstrap.servers", connect.kafka().bootstrapServers())
        .build());
    ObjectName task = new ObjectName("kafka.connect:type=plugins,connector=metrics,task=0");

    sql.awaitRowsFromTopic(table, topic, GOOD, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, "metrics"));
    CommittedOffsets.awaitEndOfTopic(connect, "metrics", topic, 1, TIMEOUT_MS);
    awaitMetrics(task, Map.of("rows-written-total", (long) GOOD, "records-routed-total", (long) BAD,
        "commit-lag", 0L));

    int rows = sql.rowsFromTopic(table, topic).size();
    int routed = connect.kafka().consume(BAD, TIMEOUT_MS, errors).count();
    assertThat(value(task, "rows-written-total")).as("rows written, as the table has them").isEqualTo(rows);
    assertThat(value(task, "records-routed-total")).as("records routed, as the error topic has them").isEqualTo(routed);
    assertThat(value(task, "records-received-total")).isEqualTo(GOOD + BAD);
    assertThat(value(task, "writes-total")).isPositive();
    assertThat(value(task, "write-failures-fatal-total")).isZero();
    assertThat(value(task, "buffered-rows")).isZero();
    assertThat(value(task, "oldest-buffered-row-age-ms")).isZero();
    assertThat(JMX.getAttribute(task, "error-route")).isEqualTo("error-topic");
    // The batch path: one upload session and one commit per write, at least one block each.
    assertThat(value(task, "upload-commits-total")).as("upload commits").isEqualTo(value(task, "writes-total"));
    assertThat(value(task, "upload-sessions-total")).as("upload sessions").isEqualTo(value(task, "writes-total"));
    assertThat(value(task, "blocks-total")).as("blocks").isGreaterThanOrEqualTo(value(task, "writes-total"));
    assertThat(value(task, "bytes-encoded-total")).as("bytes before compression").isPositive();
    assertThat(value(task, "stream-packs-total")).as("stream packs").isZero();
    ObjectName ofTable = tableMBean("metrics", table);
    assertThat(value(ofTable, "rows-written-total")).as("rows written into " + table).isEqualTo(rows);
    assertThat(value(ofTable, "bytes-encoded-total")).isEqualTo(value(task, "bytes-encoded-total"));
  }

  @Test
  void onTheStreamingPathPacksAndTheBytesSentAreCountedPerTable() throws Exception {
    String topic = "metrics_stream_topic";
    String table = "metrics_stream_table";
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + "(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic(topic, 1);
    for (int i = 0; i < GOOD; i++) {
      connect.kafka().produce(topic, String.valueOf(i), "v" + i);
    }

    connect.configureConnector("metrics-stream", SinkConnectorConfig.documentExample(mc, "TEXT").topics(topic)
        .table(table).tasksMax(1).streaming(true).build());
    ObjectName task = new ObjectName("kafka.connect:type=plugins,connector=metrics-stream,task=0");

    sql.awaitRowsFromTopic(table, topic, GOOD, TIMEOUT_MS, () -> ConnectorStatus.describe(connect, "metrics-stream"));
    awaitMetrics(task, Map.of("rows-written-total", (long) GOOD));

    assertThat(value(task, "stream-sessions-total")).as("stream sessions").isPositive();
    assertThat(value(task, "stream-packs-total")).as("stream packs").isEqualTo(value(task, "writes-total"));
    assertThat(value(task, "bytes-sent-total")).as("bytes sent").isPositive();
    assertThat(value(task, "upload-sessions-total")).as("upload sessions").isZero();
    ObjectName ofTable = tableMBean("metrics-stream", table);
    assertThat(value(ofTable, "rows-written-total")).isEqualTo(GOOD);
    assertThat(value(ofTable, "bytes-sent-total")).isEqualTo(value(task, "bytes-sent-total"));
  }

  private ObjectName tableMBean(String connector, String table) throws Exception {
    return new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0,table="
        + mc.projects().get(0) + "." + table);
  }

  /** Waits until each metric has its value. */
  private void awaitMetrics(ObjectName task, Map<String, Long> expected) throws InterruptedException {
    String connector = task.getKeyProperty("connector");
    AtomicReference<String> seen = new AtomicReference<>("nothing");
    TestUtils.waitForCondition(() -> {
      StringBuilder values = new StringBuilder();
      boolean all = true;
      for (Map.Entry<String, Long> e : expected.entrySet()) {
        Long actual = JMX.isRegistered(task) ? value(task, e.getKey()) : null;
        values.append(e.getKey()).append('=').append(actual).append(' ');
        all &= e.getValue().equals(actual);
      }
      seen.set(values.toString());
      return all;
    }, TIMEOUT_MS, 200, () -> task + " shows " + seen.get() + "; expected " + expected + "; "
        + ConnectorStatus.describe(connect, connector));
  }

  private static long value(ObjectName task, String metric) {
    try {
      return ((Number) JMX.getAttribute(task, metric)).longValue();
    } catch (Exception e) {
      throw new AssertionError("cannot read " + metric + " of " + task, e);
    }
  }
}
