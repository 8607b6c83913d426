package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.data.Binary;
import java.util.Collection;
import java.util.Map;

/**
 * A cheap estimate of a row's size on the wire, for the {@code buffer_size_kb} flush trigger: text
 * and bytes by their length, everything else a fixed width. Close enough to bound memory; exact
 * sizes would cost an encoding per row.
 */
final class RowSize {
  private static final int FIXED = 8;
  private static final int PER_ROW = 16;

  private RowSize() {
  }

  /** @param values a row's value array ({@link RowValues}) */
  static long estimate(Object[] values) {
    long size = PER_ROW;
    for (Object value : values) {
      size += ofValue(value);
    }
    return size;
  }

  private static long ofValue(Object value) {
    if (value == null) {
      return 1;
    }
    if (value instanceof CharSequence) {
      return ((CharSequence) value).length() + 4L;
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).length + 4L;
    }
    if (value instanceof Binary) {
      return ((Binary) value).length() + 4L;
    }
    if (value instanceof Collection) {
      long size = 4;
      for (Object element : (Collection<?>) value) {
        size += ofValue(element);
      }
      return size;
    }
    if (value instanceof Map) {
      long size = 4;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        size += ofValue(e.getKey()) + ofValue(e.getValue());
      }
      return size;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof java.util.Date
        || value instanceof java.time.temporal.Temporal) {
      return FIXED;
    }
    // JSON values, structs, intervals: rare enough that their text length is affordable.
    return value.toString().length() + 4L;
  }
}
