package com.aliyun.odps.kafka.connect.offsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record was read from: its original topic, partition and offset, which SMTs that rename
 * topics or repartition can't change, so the offsets committed are the consumer's own. Workers
 * older than Kafka 3.6 lack the {@code original*} accessors; there the record's own are the
 * original ones.
 */
public final class RecordPosition {
  private static final boolean HAS_ORIGINAL = hasOriginalAccessors();

  private RecordPosition() {
  }

  public static TopicPartition partitionOf(SinkRecord record) {
    if (HAS_ORIGINAL) {
      return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
    return new TopicPartition(record.topic(), record.kafkaPartition());
  }

  public static long offsetOf(SinkRecord record) {
    return HAS_ORIGINAL ? record.originalKafkaOffset() : record.kafkaOffset();
  }

  /** "topic T partition P offset O", for messages. */
  public static String describe(SinkRecord record) {
    return "topic " + partitionOf(record).topic() + " partition " + partitionOf(record).partition()
        + " offset " + offsetOf(record);
  }

  private static boolean hasOriginalAccessors() {
    try {
      SinkRecord.class.getMethod("originalKafkaOffset");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
