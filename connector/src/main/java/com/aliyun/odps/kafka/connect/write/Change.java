package com.aliyun.odps.kafka.connect.write;

/**
 * One converted record as the buffers hold it: the values of its row and whether it deletes the
 * row's primary key (write.mode UPSERT) rather than adding or replacing the row.
 */
final class Change {
  private final Object[] values;
  private final boolean deletes;

  private Change(Object[] values, boolean deletes) {
    this.values = values;
    this.deletes = deletes;
  }

  static Change row(Object[] values) {
    return new Change(values, false);
  }

  static Change delete(Object[] keyValues) {
    return new Change(keyValues, true);
  }

  Object[] values() {
    return values;
  }

  boolean deletes() {
    return deletes;
  }
}
