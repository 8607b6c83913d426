package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Rows waiting for one target partition, from any Kafka partition of the task: they are written
 * together, in one upload session, and become committed together (one tracker ticket).
 */
final class PartitionBuffer {
  private final String partition;
  private final Instant closesAt;
  private final long ticket;
  /** Value arrays of the rows ({@link RowValues}). */
  private final List<Object[]> rows = new ArrayList<>();
  /** The Kafka partition of each row, same index as {@link #rows}, to drop a revoked partition's rows. */
  private final List<TopicPartition> sources = new ArrayList<>();
  private long estimatedBytes;
  /** When the oldest row still here was added: the streaming latency bound counts from it. */
  private Instant firstRowAt;

  PartitionBuffer(String partition, Instant closesAt, long ticket) {
    this.partition = partition;
    this.closesAt = closesAt;
    this.ticket = ticket;
  }

  void add(Object[] row, TopicPartition source, Instant now) {
    if (rows.isEmpty()) {
      firstRowAt = now;
    }
    rows.add(row);
    sources.add(source);
    estimatedBytes += RowSize.estimate(row);
  }

  /** Drops the rows of revoked Kafka partitions; the others stay. */
  void removeRowsOf(Collection<TopicPartition> revoked) {
    List<Object[]> keptRows = new ArrayList<>(rows.size());
    List<TopicPartition> keptSources = new ArrayList<>(rows.size());
    long keptBytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!revoked.contains(sources.get(i))) {
        keptRows.add(rows.get(i));
        keptSources.add(sources.get(i));
        keptBytes += RowSize.estimate(rows.get(i));
      }
    }
    rows.clear();
    rows.addAll(keptRows);
    sources.clear();
    sources.addAll(keptSources);
    estimatedBytes = keptBytes;
  }

  /** The pt value, null for a non-partitioned table. */
  String partition() {
    return partition;
  }

  long ticket() {
    return ticket;
  }

  boolean windowClosedAt(Instant now) {
    return !now.isBefore(closesAt);
  }

  /** When the oldest buffered row arrived; null when empty. */
  Instant firstRowAt() {
    return rows.isEmpty() ? null : firstRowAt;
  }

  long estimatedBytes() {
    return estimatedBytes;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows, in arrival order; a view: don't keep it past the next change. */
  List<Object[]> rows() {
    return rows;
  }
}
