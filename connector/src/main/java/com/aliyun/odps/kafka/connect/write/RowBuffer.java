package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.WriteBatch;
import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** The rows encoded for the Tunnel as they arrive, when the table takes them so; else null. */
  private EncodedRows encoded;
  /** Value arrays of the rows ({@code RowValues}), when the table takes those (upserts); else null. */
  private List<Object[]> values;
  /** The Kafka partition of each row, in row order, to drop a revoked partition's rows. */
  private final List<TopicPartition> sources = new ArrayList<>();
  /** The Kafka offset of each row, in row order. */
  private long[] offsets = new long[16];
  /** Indexes of the rows that delete their key (write.mode UPSERT only). */
  private final BitSet deletes = new BitSet();
  private long estimatedBytes;
  /** When the oldest row still here was added: the streaming latency bound counts from it. */
  private Instant firstRowAt;

  RowBuffer(MaxComputeTable table, String tablePartition, Instant windowEnd, long ticket) {
    this.table = table;
    this.tablePartition = tablePartition;
    this.windowEnd = windowEnd;
    this.ticket = ticket;
    RowEncoder encoder = table.rowEncoder();
    if (encoder != null) {
      this.encoded = new EncodedRows(encoder);
    } else {
      this.values = new ArrayList<>();
    }
  }

  /** Returns the bytes the row adds: its encoded size, or an estimate of it for value arrays. */
  long add(Object[] row, boolean delete, TopicPartition source, long offset, Instant now) {
    int index = size();
    if (index == 0) {
      firstRowAt = now;
    }
    if (delete) {
      deletes.set(index);
    }
    long bytes;
    if (encoded != null) {
      bytes = encoded.add(row);
    } else {
      values.add(row.clone()); // the conversion fills the array again for its next record
      bytes = RowSize.estimate(row);
    }
    sources.add(source);
    if (index == offsets.length) {
      offsets = Arrays.copyOf(offsets, index * 2);
    }
    offsets[index] = offset;
    estimatedBytes += bytes;
    return bytes;
  }

  /** Drops the rows of revoked Kafka partitions, keeps the others; returns the bytes dropped. */
  long removeRowsOf(Collection<TopicPartition> revoked) {
    BitSet keep = new BitSet();
    for (int i = 0; i < sources.size(); i++) {
      if (!revoked.contains(sources.get(i))) {
        keep.set(i);
      }
    }
    List<TopicPartition> keptSources = new ArrayList<>(keep.cardinality());
    long[] keptOffsets = new long[Math.max(16, keep.cardinality())];
    BitSet keptDeletes = new BitSet();
    List<Object[]> keptValues = values == null ? null : new ArrayList<>(keep.cardinality());
    long keptBytes = 0;
    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
      int k = keptSources.size();
      if (deletes.get(i)) {
        keptDeletes.set(k);
      }
      keptSources.add(sources.get(i));
      keptOffsets[k] = offsets[i];
      if (keptValues != null) {
        keptValues.add(values.get(i));
        keptBytes += RowSize.estimate(values.get(i));
      }
    }
    if (encoded != null) {
      encoded = encoded.keep(keep);
      keptBytes = encoded.heapBytes();
    } else {
      values = keptValues;
    }
    sources.clear();
    sources.addAll(keptSources);
    offsets = keptOffsets;
    deletes.clear();
    deletes.or(keptDeletes);
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
    return !isEmpty() && !now.isBefore(firstRowAt.plus(wait));
  }

  /** When the oldest buffered row arrived; null when empty. */
  Instant firstRowAt() {
    return isEmpty() ? null : firstRowAt;
  }

  long estimatedBytes() {
    return estimatedBytes;
  }

  int size() {
    return sources.size();
  }

  boolean isEmpty() {
    return sources.isEmpty();
  }

  /**
   * Lets the rows go once MaxCompute has committed them, from the thread that wrote them: until the
   * task settles the write, the buffer keeps only what settling reads (its ticket, counts, bytes).
   * A committed write no longer holds its rows' bytes on the heap meanwhile.
   */
  void releaseRows() {
    encoded = null;
    values = null;
  }

  /** Whether the rows are still here: until their write has committed them. */
  boolean holdsRows() {
    return encoded != null || values != null;
  }

  /** What a write of this buffer carries; a view: don't keep it past the next change. */
  WriteBatch batch() {
    return encoded != null ? WriteBatch.encoded(encoded, lastOffsets()) : new WriteBatch(values, deletes, lastOffsets());
  }

  /** Per Kafka partition, the offset of its last row here. */
  private Map<TopicPartition, Long> lastOffsets() {
    Map<TopicPartition, Long> last = new HashMap<>();
    TopicPartition previous = null;
    for (int i = sources.size() - 1; i >= 0; i--) {
      // Rows come in runs of one Kafka partition (the same instance): look up only where a run ends.
      TopicPartition source = sources.get(i);
      if (source != previous) {
        last.putIfAbsent(source, offsets[i]);
        previous = source;
      }
    }
    return last;
  }
}
