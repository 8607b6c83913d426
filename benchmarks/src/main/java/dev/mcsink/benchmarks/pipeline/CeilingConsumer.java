package dev.mcsink.benchmarks.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The ceiling: one plain consumer, configured as Connect configures a sink task's consumer
 * (earliest, no auto commit, defaults otherwise), deserializing keys and values as the connector's
 * converter does, and doing nothing else. No sink can move records faster than this on the same
 * machine, so the connector's figures are read as a fraction of it.
 */
final class CeilingConsumer {
  private static final Duration POLL = Duration.ofMillis(500);

  private CeilingConsumer() {
  }

  private static <K, V> KafkaConsumer<K, V> newConsumer(Map<String, Object> config, Deserializer<K> keys,
      Deserializer<V> values) {
    return new KafkaConsumer<>(config, keys, values);
  }

  /** Drains the data set; returns the wall nanoseconds from creating the consumer to the last record. */
  static long drain(String bootstrapServers, DataSet data, String groupId, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long seen = 0;
    long values = 0;
    try (KafkaConsumer<?, ?> consumer = newConsumer(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), data.format().deserializer(), data.format().deserializer())) {
      consumer.subscribe(List.of(data.topic()));
      while (seen < data.records()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("ceiling consumer read " + seen + " of " + data.records()
              + " records within " + timeout);
        }
        ConsumerRecords<?, ?> records = consumer.poll(POLL);
        for (ConsumerRecord<?, ?> record : records) {
          seen++;
          if (record.value() != null) {
            values++;
          }
        }
      }
    }
    long elapsed = System.nanoTime() - start;
    if (values != data.records()) {
      throw new IllegalStateException("ceiling consumer saw " + values + " values in " + data.records() + " records");
    }
    return elapsed;
  }
}
