package com.aliyun.odps.kafka.connect.errors;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record came from in Kafka: its original topic, partition and offset, before any SMT
 * renamed or re-partitioned it, so that a failed record can be found again.
 */
final class RecordOrigin {
  private final String topic;
  private final int partition;
  private final long offset;

  private RecordOrigin(String topic, int partition, long offset) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  static RecordOrigin of(SinkRecord record) {
    try {
      return new RecordOrigin(record.originalTopic(), record.originalKafkaPartition(),
          record.originalKafkaOffset());
    } catch (NoSuchMethodError olderWorker) {
      // The original* accessors arrived with Kafka 3.6; older workers only know the current ones.
      Integer partition = record.kafkaPartition();
      return new RecordOrigin(record.topic(), partition == null ? -1 : partition, record.kafkaOffset());
    }
  }

  String topic() {
    return topic;
  }

  int partition() {
    return partition;
  }

  long offset() {
    return offset;
  }

  /** For log lines and exception messages. */
  @Override
  public String toString() {
    return "topic " + topic + ", partition " + partition + ", offset " + offset;
  }
}
