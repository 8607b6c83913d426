package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;

/**
 * Which partition of the MaxCompute table rows arriving now go to, and when that partition's
 * window ends (its buffer is then written: nothing more will be added to it).
 */
public interface TablePartitions {
  /** The {@code pt} value for rows arriving at {@code now}; null for a non-partitioned table. */
  String valueAt(Instant now);

  /** The first instant after the window of {@code now}; {@link Instant#MAX} when it never ends. */
  Instant windowEnd(Instant now);

  /** For a table without partitions: one partition that never ends. */
  static TablePartitions none() {
    return new TablePartitions() {
      @Override
      public String valueAt(Instant now) {
        return null;
      }

      @Override
      public Instant windowEnd(Instant now) {
        return Instant.MAX;
      }
    };
  }
}
