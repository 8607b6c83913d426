package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.data.Record;
import java.util.Arrays;

/**
 * One reused SDK record that converters fill (the record checks and converts each value), and a copy
 * of its values as a bare array: what is buffered (encoded at once for append tables) and written.
 * An SDK {@code ArrayRecord} per row would carry a copy of the column list and a map of column
 * names each.
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

  /**
   * The record's values themselves, filled again by the next conversion: whoever keeps them beyond
   * that copies them. Rows encoded as they are buffered never need the copy.
   */
  public Object[] values() {
    return live;
  }
}
