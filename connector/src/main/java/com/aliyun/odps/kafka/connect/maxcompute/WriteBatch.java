package com.aliyun.odps.kafka.connect.maxcompute;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one write carries: the rows (value arrays of {@link RowValues}, in the table's column order
 * and in Kafka's order), which of them delete their primary key (only an upsert table takes
 * those), and the last Kafka offset of each source partition among them (what an exactly-once
 * writer records before it commits).
 */
public final class WriteBatch {
  private static final BitSet NO_DELETES = new BitSet(0);

  private final List<Object[]> rows;
  private final BitSet deletes;
  private final Map<TopicPartition, Long> lastOffsets;

  /**
   * @param deletes indexes of {@code rows} that delete their key; not copied, don't change it
   * @param lastOffsets per Kafka partition, the offset of its last record among the rows
   */
  public WriteBatch(List<Object[]> rows, BitSet deletes, Map<TopicPartition, Long> lastOffsets) {
    this.rows = rows;
    this.deletes = deletes;
    this.lastOffsets = lastOffsets;
  }

  /** Rows that all append (or upsert), with no offsets known: for tests and tools. */
  public static WriteBatch of(List<Object[]> rows) {
    return new WriteBatch(rows, NO_DELETES, Map.of());
  }

  public List<Object[]> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
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
