package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stream writes that fail, then recover: every record lands, once, and every offset is committed. */
class StreamingWriteRecoveryIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 90_000;
  private static final int PARTITIONS = 3;
  private static final int PER_PARTITION = 100;

  @Test
  void failingThenRecoveringStreamWritesLoseNothing() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_recovery(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_recovery", PARTITIONS);
    connect.configureConnector("stream-recovery", SinkConnectorConfig.documentExample(mc, "TEXT")
        .topics("topic_recovery").table("table_recovery").tasksMax(1).streaming(true).build());
    produce(0, PER_PARTITION / 2);
    sql.awaitRowsFromTopic("table_recovery", "topic_recovery", PARTITIONS * PER_PARTITION / 2, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, "stream-recovery"));
    // Three 503s (the SDK retries them after 1, 2 and 4 s), then a refusal of the session in use
    // (the connector opens a new one): no write gets through for several seconds.
    Faults.Rule unavailable = mc.faults().fail("stream-write", 503, 3);
    Faults.Rule refusedSession = mc.faults().fail("stream-write", 404, 1);

    produce(PER_PARTITION / 2, PER_PARTITION);

    List<Map<String, String>> rows = sql.awaitRowsFromTopic("table_recovery", "topic_recovery", PARTITIONS * PER_PARTITION,
        TIMEOUT_MS, () -> ConnectorStatus.describe(connect, "stream-recovery"));
    assertThat(unavailable.applied()).isEqualTo(3);
    assertThat(refusedSession.applied()).isEqualTo(1);
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (int o = 0; o < PER_PARTITION; o++) {
        expected.add(p + "/" + o);
      }
    }
    assertThat(rows.stream().map(r -> r.get("partition") + "/" + r.get("offset")).collect(Collectors.toList()))
        .containsExactlyInAnyOrderElementsOf(expected);
    CommittedOffsets.awaitEndOfTopic(connect, "stream-recovery", "topic_recovery", PARTITIONS, TIMEOUT_MS);
    assertThat(connect.connectorStatus("stream-recovery").tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
  }

  /** Offsets [from, to) of every partition, in rounds across partitions. */
  private void produce(int from, int to) {
    for (int o = from; o < to; o++) {
      for (int p = 0; p < PARTITIONS; p++) {
        connect.kafka().produce("topic_recovery", p, "k" + o, "v" + p + "-" + o);
      }
    }
  }
}
