package com.aliyun.odps.kafka.connect.maxcompute;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * One row of the offsets state table: for one Kafka partition, the last offset a data upload session
 * holds and that session (its id, block count and table partition, enough to check or finish its
 * commit), plus the offset known committed before it. An entry is <em>confirmed</em> when its own
 * session is known committed ({@code confirmedOffset == lastOffset}): a reader then needs no request.
 * An unconfirmed entry was written before its session's commit; if that session never commits, the
 * partition is committed through {@code confirmedOffset} only (-1: nothing known).
 */
final class OffsetEntry {
  static final long NONE = -1;

  private final TopicPartition source;
  private final long lastOffset;
  private final String uploadId;
  private final long blockCount;
  /** The pt value the session writes; null for a table without partitions. */
  private final String tablePartition;
  private final long writtenAtMs;
  private final long confirmedOffset;

  OffsetEntry(TopicPartition source, long lastOffset, String uploadId, long blockCount, String tablePartition,
      long writtenAtMs, long confirmedOffset) {
    this.source = Objects.requireNonNull(source, "source");
    this.lastOffset = lastOffset;
    this.uploadId = Objects.requireNonNull(uploadId, "uploadId");
    this.blockCount = blockCount;
    this.tablePartition = tablePartition;
    this.writtenAtMs = writtenAtMs;
    this.confirmedOffset = confirmedOffset;
  }

  TopicPartition source() {
    return source;
  }

  long lastOffset() {
    return lastOffset;
  }

  String uploadId() {
    return uploadId;
  }

  long blockCount() {
    return blockCount;
  }

  String tablePartition() {
    return tablePartition;
  }

  long writtenAtMs() {
    return writtenAtMs;
  }

  long confirmedOffset() {
    return confirmedOffset;
  }

  boolean isConfirmed() {
    return confirmedOffset >= lastOffset;
  }

  /** The same entry, its session now known committed. */
  OffsetEntry confirmed() {
    return isConfirmed() ? this
        : new OffsetEntry(source, lastOffset, uploadId, blockCount, tablePartition, writtenAtMs, lastOffset);
  }

  @Override
  public String toString() {
    return source + "@" + lastOffset + (isConfirmed() ? " (committed)" : " in upload " + uploadId
        + ", committed through " + confirmedOffset);
  }
}
