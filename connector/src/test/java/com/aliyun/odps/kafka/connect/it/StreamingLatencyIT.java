package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

/**
 * End-to-end latency of the streaming path at low load: one record at a time, from produce to
 * visible in a SELECT. Workers keep Kafka Connect's default commit interval (60 s), so only the
 * streaming latency bound can make rows visible sooner. Prints the figures; asserts a generous bound.
 */
class StreamingLatencyIT extends IntegrationTestBase {
  private static final int SAMPLES = 8;
  private static final long BOUND_MS = 30_000;
  /** Between two SELECTs: finer than the other tests, to measure rather than just wait. */
  private static final long POLL_MS = 100;

  StreamingLatencyIT() {
    super(new Setup().workerProps(Map.of("offset.flush.interval.ms", "60000")));
  }

  @Test
  void aRecordIsVisibleInASelectWithinSecondsOfBeingProduced() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_latency(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_latency", 1);
    connect.configureConnector("stream-latency", SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics("topic_latency").table("table_latency").tasksMax(1).streaming(true).build());
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("stream-latency", 1, "connector did not start");
    // A first record, not measured: the consumer joins its group and the first session opens.
    connect.kafka().produce("topic_latency", "warm", "up");
    sql.awaitRowsFromTopic("table_latency", "topic_latency", 1, 60_000, () -> ConnectorStatus.describe(connect, "stream-latency"));

    List<Long> latencies = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      String value = "sample-" + i;
      long start = System.nanoTime();
      connect.kafka().produce("topic_latency", "k", value);
      TestUtils.waitForCondition(() -> !sql.rows("SELECT value FROM table_latency WHERE value = '" + value + "';").isEmpty(),
          BOUND_MS, POLL_MS, () -> value + " not visible within " + BOUND_MS + " ms; " + ConnectorStatus.describe(connect, "stream-latency"));
      latencies.add((System.nanoTime() - start) / 1_000_000);
    }

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("Streaming produce-to-SELECT latency over %d single records (ms): %s; median %d, max %d"
        + " (latency bound %d ms, SELECT polled every %d ms)%n", SAMPLES, latencies, sorted.get(SAMPLES / 2),
        sorted.get(SAMPLES - 1), com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.CONFIG_DEF.defaultValues().get("stream_max_latency_ms"), POLL_MS);
    assertThat(sorted.get(SAMPLES - 1)).isLessThan(BOUND_MS);
  }
}
