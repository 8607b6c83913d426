package com.aliyun.odps.kafka.connect.record;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * How the running worker tells where a record came from. Chosen once by what its
 * {@code SinkRecord} offers, so that the per-record path has no check; each way is tested directly.
 */
interface OriginReader {
  RecordOrigin read(SinkRecord record);

  /** {@link OriginalAccessors} when {@code recordClass} has the three accessors, else {@link OwnCoordinates}. */
  static OriginReader forRecordsOf(Class<?> recordClass) {
    return hasOriginalAccessors(recordClass) ? new OriginalAccessors() : new OwnCoordinates();
  }

  private static boolean hasOriginalAccessors(Class<?> recordClass) {
    try {
      recordClass.getMethod("originalTopic");
      recordClass.getMethod("originalKafkaPartition");
      recordClass.getMethod("originalKafkaOffset");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * Kafka 3.6 and later: the coordinates the consumer read, which SMTs cannot change. The only class
   * that calls the accessors, and only loaded where they exist: older workers, which lack them,
   * must still load the plugin (the JVM links a method on its first call).
   */
  final class OriginalAccessors implements OriginReader {
    @Override
    public RecordOrigin read(SinkRecord record) {
      String topic = record.originalTopic();
      Integer partition = record.originalKafkaPartition();
      return new RecordOrigin(topic != null ? topic : record.topic(),
          partition != null ? partition : record.kafkaPartition(), record.originalKafkaOffset());
    }
  }

  /** Workers before Kafka 3.6: the record's own coordinates, the only ones they keep. */
  final class OwnCoordinates implements OriginReader {
    @Override
    public RecordOrigin read(SinkRecord record) {
      return new RecordOrigin(record.topic(), record.kafkaPartition(), record.kafkaOffset());
    }
  }
}
