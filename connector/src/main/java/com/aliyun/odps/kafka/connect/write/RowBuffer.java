package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Rows waiting for one partition of one MaxCompute table, from any Kafka partition of the task:
 * they are written together, in one write, and become committed together (one offset ticket).
 */
final class RowBuffer {
  private final MaxComputeTable table;
  private final String tablePartition;
  private final Instant windowEnd;
  private final long ticket;
  /** Value arrays of the rows ({@code RowValues}). */
  private final List<Object[]> rows = new ArrayList<>();
  /** The Kafka partition of each row, same index as {@link #rows}, to drop a revoked partition's rows. */
  private final List<TopicPartition> sources = new ArrayList<>();
  /** Indexes of the rows that delete their key (write.mode UPSERT only). */
  private final BitSet deletes = new BitSet();
  /** Per Kafka partition, the offset of its last row here. */
  private final Map<TopicPartition, Long> lastOffsets = new HashMap<>();
  private long estimatedBytes;
  /** When the oldest row still here was added: the streaming latency bound counts from it. */
  private Instant firstRowAt;

  RowBuffer(MaxComputeTable table, String tablePartition, Instant windowEnd, long ticket) {
    this.table = table;
    this.tablePartition = tablePartition;
    this.windowEnd = windowEnd;
    this.ticket = ticket;
  }

  /** Returns the estimated bytes the row adds. */
  long add(Object[] row, boolean delete, TopicPartition source, long offset, Instant now) {
    if (rows.isEmpty()) {
      firstRowAt = now;
    }
    if (delete) {
      deletes.set(rows.size());
    }
    rows.add(row);
    sources.add(source);
    lastOffsets.put(source, offset);
    long bytes = RowSize.estimate(row);
    estimatedBytes += bytes;
    return bytes;
  }

  /** Drops the rows of revoked Kafka partitions, keeps the others; returns the estimated bytes dropped. */
  long removeRowsOf(Collection<TopicPartition> revoked) {
    List<Object[]> keptRows = new ArrayList<>(rows.size());
    List<TopicPartition> keptSources = new ArrayList<>(rows.size());
    BitSet keptDeletes = new BitSet();
    long keptBytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!revoked.contains(sources.get(i))) {
        if (deletes.get(i)) {
          keptDeletes.set(keptRows.size());
        }
        keptRows.add(rows.get(i));
        keptSources.add(sources.get(i));
        keptBytes += RowSize.estimate(rows.get(i));
      }
    }
    rows.clear();
    rows.addAll(keptRows);
    sources.clear();
    sources.addAll(keptSources);
    deletes.clear();
    deletes.or(keptDeletes);
    lastOffsets.keySet().removeAll(revoked);
    long dropped = estimatedBytes - keptBytes;
    estimatedBytes = keptBytes;
    return dropped;
  }

  /** The table the rows go to. */
  MaxComputeTable table() {
    return table;
  }

  /** The partition (values of the partition columns, '/' between them), null for a non-partitioned table. */
  String tablePartition() {
    return tablePartition;
  }

  /** "table p.t partition pt='v'", for messages. */
  String where() {
    return table.where(tablePartition);
  }

  long ticket() {
    return ticket;
  }

  /** True once the partition's time window has ended: nothing more will be added to it. */
  boolean windowEndedAt(Instant now) {
    return !now.isBefore(windowEnd);
  }

  /** True when the oldest buffered row has waited {@code wait} at {@code now}; false when empty. */
  boolean oldestHasWaited(Duration wait, Instant now) {
    return !rows.isEmpty() && !now.isBefore(firstRowAt.plus(wait));
  }

  /** When the oldest buffered row arrived; null when empty. */
  Instant firstRowAt() {
    return rows.isEmpty() ? null : firstRowAt;
  }

  long estimatedBytes() {
    return estimatedBytes;
  }

  int size() {
    return rows.size();
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows, in arrival order; a view: don't keep it past the next change. */
  List<Object[]> rows() {
    return rows;
  }

  /** What a write of this buffer carries; a view: don't keep it past the next change. */
  WriteBatch batch() {
    return new WriteBatch(rows, deletes, lastOffsets);
  }
}
