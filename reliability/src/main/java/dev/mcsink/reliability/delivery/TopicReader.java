package dev.mcsink.reliability.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their first offset up to the end offsets taken beforehand, without a consumer
 * group (nothing is committed, no group is left behind). It reads uncommitted records, as Kafka
 * Connect's sink consumer does by default: a record of an aborted transaction reaches the sink too.
 */
final class TopicReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String bootstrapServers;
  private final Duration timeout;

  /**
   * @param properties consumer settings of the user's (security, SASL); this reader's own settings win
   * @param timeout    how long a metadata request may take, and reading may go without progress
   */
  TopicReader(String bootstrapServers, Map<String, String> properties, Duration timeout) {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "verify-delivery");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    // Retention may have removed the first offsets since they were asked for.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try {
      this.consumer = new KafkaConsumer<>(config);
    } catch (KafkaException e) {
      throw new DeliveryCheckException("cannot create a Kafka consumer: " + describe(e), e);
    }
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
  }

  /** Every partition of the topic, ordered by number, with its offsets now. */
  List<PartitionBounds> bounds(String topic) {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new DeliveryCheckException("topic " + topic + " does not exist (Kafka at " + bootstrapServers + ")");
      }
      List<TopicPartition> partitions = infos.stream()
          .map(i -> new TopicPartition(topic, i.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition))
          .toList();
      Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      return partitions.stream()
          .map(tp -> new PartitionBounds(tp.partition(), first.get(tp), end.get(tp)))
          .toList();
    } catch (KafkaException e) {
      throw new DeliveryCheckException("cannot read the partitions of topic " + topic + " from Kafka at "
          + bootstrapServers + ": " + describe(e), e);
    }
  }

  /** Hands every record of the topic below each partition's end in {@code bounds} to {@code each}. */
  void read(String topic, List<PartitionBounds> bounds, Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<TopicPartition, Long> remaining = new HashMap<>();
    for (PartitionBounds b : bounds) {
      if (b.end() > b.first()) {
        remaining.put(new TopicPartition(topic, b.partition()), b.end());
      }
    }
    try {
      consumer.assign(remaining.keySet());
      consumer.seekToBeginning(remaining.keySet());
      long lastProgress = System.nanoTime();
      while (!remaining.isEmpty()) {
        boolean progressed = false;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          Long end = remaining.get(new TopicPartition(record.topic(), record.partition()));
          if (end != null && record.offset() < end) {
            each.accept(record);
            progressed = true;
          }
        }
        progressed |= dropFinished(remaining);
        if (progressed) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
          throw new DeliveryCheckException("reading topic " + topic + " made no progress for "
              + timeout.toSeconds() + " s; partitions not read to their end: " + remaining.keySet());
        }
      }
    } catch (KafkaException e) {
      throw new DeliveryCheckException("cannot read topic " + topic + " from Kafka at " + bootstrapServers
          + ": " + describe(e), e);
    } finally {
      consumer.unsubscribe();
    }
  }

  /**
   * Removes (and pauses) the partitions whose position reached their end; the position, not the
   * last record, tells: the end may be a transaction marker, which is never handed out.
   */
  private boolean dropFinished(Map<TopicPartition, Long> remaining) {
    List<TopicPartition> finished = new ArrayList<>();
    remaining.forEach((tp, end) -> {
      if (consumer.position(tp, timeout) >= end) {
        finished.add(tp);
      }
    });
    consumer.pause(finished);
    finished.forEach(remaining::remove);
    return !finished.isEmpty();
  }

  @Override
  public void close() {
    consumer.close();
  }

  private static String describe(KafkaException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
