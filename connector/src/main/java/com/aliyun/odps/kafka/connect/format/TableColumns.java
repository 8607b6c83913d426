package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data columns of a table (partition columns excluded) looked up by name case-insensitively,
 * as MaxCompute treats column names, with their positions in a row.
 */
final class TableColumns {
  private final List<Column> columns;
  private final Map<String, Integer> indexByLowerName = new HashMap<>();
  /** Names as the table spells them, tried first: a message's fields usually match them exactly. */
  private final Map<String, Integer> indexByName = new HashMap<>();

  TableColumns(TableSchema schema) {
    this.columns = Collections.unmodifiableList(new ArrayList<>(schema.getColumns()));
    for (int i = 0; i < columns.size(); i++) {
      indexByLowerName.putIfAbsent(lower(columns.get(i).getName()), i);
    }
    indexByLowerName.forEach((lower, i) -> indexByName.put(columns.get(i).getName(), i));
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The row position of the column, or -1 when the table has no such column. */
  int indexOf(String name) {
    Integer exact = indexByName.get(name);
    if (exact != null) {
      return exact;
    }
    Integer i = indexByLowerName.get(lower(name));
    return i == null ? -1 : i;
  }

  boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  Column get(int index) {
    return columns.get(index);
  }

  /** The column of that name, or null. */
  Column find(String name) {
    int i = indexOf(name);
    return i < 0 ? null : columns.get(i);
  }

  List<Column> all() {
    return columns;
  }

  /**
   * Sets every column to NULL: converters start from this, so nothing can carry over from another
   * record even if a caller hands in a used row.
   */
  void clear(Record row) {
    for (int i = 0; i < columns.size(); i++) {
      // a row is usually blank already; the SDK's set runs its type checks even for a null
      if (row.get(i) != null) {
        row.set(i, null);
      }
    }
  }

  /** Sets a column; the SDK's own checks (string size, datetime range...) become conversion errors. */
  void set(Record row, int index, Object value) {
    try {
      row.set(index, value);
    } catch (RecordConversionException e) {
      throw e;
    } catch (RuntimeException e) {
      Column column = columns.get(index);
      throw ColumnErrors.of(column.getName(), column.getTypeInfo(), e.getMessage(), e);
    }
  }
}
