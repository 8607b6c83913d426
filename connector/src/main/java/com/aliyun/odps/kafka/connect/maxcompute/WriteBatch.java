package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one write carries: the rows in Kafka's order, either as value arrays ({@link RowValues}, in
 * the table's column order) or already encoded for the Tunnel ({@link EncodedRows}, when the table
 * asked for that: {@link MaxComputeTable#rowEncoder()}); which of them delete their primary key
 * (only an upsert table takes those); and the last Kafka offset of each source partition among
 * them (what an exactly-once writer records before it commits).
 */
public final class WriteBatch {
  private static final BitSet NO_DELETES = new BitSet(0);

  /** Null when the rows are encoded. */
  private final List<Object[]> rows;
  /** Null when the rows are value arrays. */
  private final EncodedRows encoded;
  private final BitSet deletes;
  private final Map<TopicPartition, Long> lastOffsets;

  /**
   * @param deletes indexes of {@code rows} that delete their key; not copied, don't change it
   * @param lastOffsets per Kafka partition, the offset of its last record among the rows
   */
  public WriteBatch(List<Object[]> rows, BitSet deletes, Map<TopicPartition, Long> lastOffsets) {
    this.rows = rows;
    this.encoded = null;
    this.deletes = deletes;
    this.lastOffsets = lastOffsets;
  }

  private WriteBatch(EncodedRows encoded, Map<TopicPartition, Long> lastOffsets) {
    this.rows = null;
    this.encoded = encoded;
    this.deletes = NO_DELETES;
    this.lastOffsets = lastOffsets;
  }

  /** Rows encoded when they were buffered; they all append. */
  public static WriteBatch encoded(EncodedRows rows, Map<TopicPartition, Long> lastOffsets) {
    return new WriteBatch(rows, lastOffsets);
  }

  /** Rows that all append (or upsert), with no offsets known: for tests and tools. */
  public static WriteBatch of(List<Object[]> rows) {
    return new WriteBatch(rows, NO_DELETES, Map.of());
  }

  /**
   * The rows as value arrays.
   *
   * @throws IllegalStateException when they were encoded as they were buffered
   */
  public List<Object[]> rows() {
    if (rows == null) {
      throw new IllegalStateException("the rows of this write are encoded for the Tunnel, not value arrays");
    }
    return rows;
  }

  /** The rows encoded for the Tunnel: as they were buffered, or encoded now by {@code encoder}. */
  public EncodedRows encoded(RowEncoder encoder) {
    if (encoded != null) {
      return encoded;
    }
    EncodedRows now = new EncodedRows(encoder);
    rows.forEach(now::add);
    return now;
  }

  public int size() {
    return rows != null ? rows.size() : encoded.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** True when row {@code index} deletes its primary key rather than upserting it. */
  public boolean isDelete(int index) {
    return deletes.get(index);
  }

  public boolean hasDeletes() {
    return !deletes.isEmpty();
  }

  /** Per Kafka partition, the offset of its last record among the rows; empty when not tracked. */
  public Map<TopicPartition, Long> lastOffsets() {
    return lastOffsets;
  }
}
