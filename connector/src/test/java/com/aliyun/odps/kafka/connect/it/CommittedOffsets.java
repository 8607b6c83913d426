package com.aliyun.odps.kafka.connect.it;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;

/** What a sink connector's consumer group ({@code connect-<name>}) has committed, against the topic's end. */
final class CommittedOffsets {
  private CommittedOffsets() {
  }

  /** Waits until the connector has committed, for every partition of {@code topic}, the partition's end offset. */
  static void awaitEndOfTopic(EmbeddedConnectCluster connect, String connector, String topic, int partitions,
      long timeoutMs) throws InterruptedException {
    Map<TopicPartition, Long> ends = new HashMap<>();
    Map<TopicPartition, Long> committed = new HashMap<>();
    try (Admin admin = connect.kafka().createAdminClient()) {
      TestUtils.waitForCondition(() -> {
        for (int p = 0; p < partitions; p++) {
          TopicPartition tp = new TopicPartition(topic, p);
          ends.put(tp, connect.kafka().endOffset(tp));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get();
        committed.clear();
        offsets.forEach((tp, om) -> {
          if (om != null && tp.topic().equals(topic)) {
            committed.put(tp, om.offset());
          }
        });
        return committed.equals(ends);
      }, timeoutMs, 500, () -> "connector " + connector + " committed " + committed + " but the topic ends at " + ends);
    }
  }

  /** The topics the connector's consumer group has committed offsets for. */
  static Set<String> topics(EmbeddedConnectCluster connect, String connector) throws Exception {
    Set<String> topics = new TreeSet<>();
    try (Admin admin = connect.kafka().createAdminClient()) {
      admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get()
          .keySet().forEach(tp -> topics.add(tp.topic()));
    }
    return topics;
  }
}
