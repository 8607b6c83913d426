package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;

/**
 * Which partition of the table rows arriving now go to, and when that partition's window closes
 * (a closed window's buffer is flushed: nothing more will be added to it).
 */
public interface TargetPartitions {
  /** The {@code pt} value for rows arriving at {@code now}; null for a non-partitioned table. */
  String valueAt(Instant now);

  /** The first instant after the window of {@code now}; {@link Instant#MAX} when it never closes. */
  Instant windowEnd(Instant now);

  /** For a table without partitions: one target that never closes. */
  static TargetPartitions none() {
    return new TargetPartitions() {
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
