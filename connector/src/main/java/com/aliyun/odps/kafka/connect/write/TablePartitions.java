package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which partition of a MaxCompute table a record's row goes to, and when a partition's buffer
 * opened at a moment must be written because no more rows can come to it.
 */
public interface TablePartitions {
  /**
   * The partition of the row of {@code record} buffered at {@code now}: the values of the table's
   * partition columns, in order, '/' between them; null for a non-partitioned table.
   *
   * @throws com.aliyun.odps.kafka.connect.partition.PartitionValueException when the record has no usable value
   */
  String partitionOf(SinkRecord record, Instant now);

  /** The first instant after the window of {@code now}; {@link Instant#MAX} when partitions never close by the clock. */
  Instant windowEnd(Instant now);

  /** For a table without partitions: one partition that never ends. */
  static TablePartitions none() {
    return new TablePartitions() {
      @Override
      public String partitionOf(SinkRecord record, Instant now) {
        return null;
      }

      @Override
      public Instant windowEnd(Instant now) {
        return Instant.MAX;
      }
    };
  }
}
