package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.data.Record;
import java.util.Arrays;

/**
 * Moves a row's values between one reused SDK record and a bare array. Buffered rows are kept as
 * arrays because an SDK {@code ArrayRecord} carries, per row, a copy of the column list and a map of
 * column names: at a few hundred thousand buffered rows that was a third of the task's heap and most
 * of its garbage-collection work. The values in the array are the ones the record already checked
 * and converted, so putting them back costs a copy, not a second validation.
 */
public final class RowValues {
  private final Record record;
  private final Object[] live;

  /**
   * @param record a row of the table, reused for every row from now on
   * @throws IllegalArgumentException when the record does not expose its own value array (the
   *     SDK's {@code ArrayRecord} does), so copying in and out would not reach it
   */
  public RowValues(Record record) {
    this.record = record;
    this.live = record.toArray();
    if (live != record.toArray()) {
      throw new IllegalArgumentException(record.getClass().getName() + " does not expose its values");
    }
  }

  /** The reused record with every value null, to fill. */
  public Record blank() {
    Arrays.fill(live, null);
    return record;
  }

  /** A copy of the record's values, to keep. */
  public Object[] copy() {
    return live.clone();
  }

  /** The reused record holding {@code values}, until the next call. */
  public Record show(Object[] values) {
    System.arraycopy(values, 0, live, 0, live.length);
    return record;
  }
}
