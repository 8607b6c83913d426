package com.aliyun.odps.kafka.connect.format;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record came from before any SMT touched it. {@code SinkRecord.original*()} exist since
 * Connect 3.6; on older workers the plugin must still load, so the accessors are only called when
 * the running Connect has them (JVM links methods lazily: the calls below are never resolved there).
 */
final class OriginalCoordinates {
  private static final boolean AVAILABLE = detect();

  private OriginalCoordinates() {
  }

  private static boolean detect() {
    try {
      SinkRecord.class.getMethod("originalTopic");
      SinkRecord.class.getMethod("originalKafkaPartition");
      SinkRecord.class.getMethod("originalKafkaOffset");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static String topic(SinkRecord record) {
    return AVAILABLE ? Original.topic(record) : record.topic();
  }

  static Integer partition(SinkRecord record) {
    return AVAILABLE ? Original.partition(record) : record.kafkaPartition();
  }

  static long offset(SinkRecord record) {
    return AVAILABLE ? Original.offset(record) : record.kafkaOffset();
  }

  /** Only loaded when the accessors exist. */
  private static final class Original {
    static String topic(SinkRecord record) {
      String topic = record.originalTopic();
      return topic != null ? topic : record.topic();
    }

    static Integer partition(SinkRecord record) {
      Integer partition = record.originalKafkaPartition();
      return partition != null ? partition : record.kafkaPartition();
    }

    static long offset(SinkRecord record) {
      return record.originalKafkaOffset();
    }
  }
}
