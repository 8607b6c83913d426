package com.aliyun.odps.kafka.connect.write;

/**
 * One converted record as the buffers hold it: the values of its row, whether it deletes the
 * row's primary key (write.mode UPSERT) rather than adding or replacing the row, and the partition
 * of the table it goes to. Its values are the conversion's own array, valid until the table converts
 * the next record ({@link com.aliyun.odps.kafka.connect.maxcompute.RowValues#values}): a buffer that
 * keeps them copies them.
 */
final class Change {
  private final Object[] values;
  private final boolean deletes;
  private final String tablePartition;

  private Change(Object[] values, boolean deletes, String tablePartition) {
    this.values = values;
    this.deletes = deletes;
    this.tablePartition = tablePartition;
  }

  /** @param tablePartition as {@link TablePartitions#partitionOf} gives it; null for a non-partitioned table */
  static Change row(Object[] values, String tablePartition) {
    return new Change(values, false, tablePartition);
  }

  static Change delete(Object[] keyValues, String tablePartition) {
    return new Change(keyValues, true, tablePartition);
  }

  String tablePartition() {
    return tablePartition;
  }

  Object[] values() {
    return values;
  }

  boolean deletes() {
    return deletes;
  }
}
