package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.stack.NewTopics;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The fixed data set of a run: {@code records} messages of one format, spread round-robin over the
 * topic's partitions, written before anything is measured so the broker serves both the ceiling and
 * the connector from the same log.
 *
 * @param bytes key and value bytes of all messages together (what MB/s counts)
 */
record DataSet(String topic, BenchFormat format, int partitions, long records, int valueBytes, long bytes) {
  private static final long SEED = 20261125L;

  static DataSet load(String bootstrapServers, String topic, BenchFormat format, int partitions, long records,
      int valueBytes) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      NewTopics.create(admin, topic, partitions);
      long bytes = produce(bootstrapServers, topic, format, partitions, records, valueBytes);
      long loaded = endOffsetsSum(admin, topic, partitions);
      if (loaded != records) {
        throw new IllegalStateException("Loading " + topic + " wrote " + loaded + " records, not " + records
            + " (a retried batch written twice?): run again");
      }
      return new DataSet(topic, format, partitions, records, valueBytes, bytes);
    }
  }

  /** Sends the messages, round-robin over the partitions; returns their key and value bytes. */
  private static long produce(String bootstrapServers, String topic, BenchFormat format, int partitions,
      long records, int valueBytes) {
    SplittableRandom random = new SplittableRandom(SEED);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long bytes = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        // An idempotent producer writing to partitions created a moment earlier met
        // OutOfOrderSequenceException from the broker (Kafka 4.1.1) and its batches expired; the
        // loaded count is checked against the end offsets instead.
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long id = 0; id < records && failure.get() == null; id++) {
        byte[] key = format.key(id);
        byte[] value = format.value(id, valueBytes, random);
        bytes += key.length + value.length;
        producer.send(new ProducerRecord<>(topic, (int) (id % partitions), key, value), (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Loading " + topic + " failed: " + failure.get(), failure.get());
    }
    return bytes;
  }

  private static long endOffsetsSum(Admin admin, String topic, int partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
  }

}
