package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.data.Record;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The primary-key columns of a Delta table: filled from the Kafka key (a Struct, map or JSON
 * object onto the key columns of the same name, or a plain value onto the only key column), and
 * checked, since a row without its whole key can neither be upserted nor deleted.
 */
final class KeyColumns {
  private final TableColumns columns;
  private final int[] indexes;
  private final List<String> names;
  private final ColumnValueCoercer coercer;

  /** @throws IllegalArgumentException when a key column is not a column of the table */
  KeyColumns(TableColumns columns, List<String> primaryKey, ColumnValueCoercer coercer) {
    this.columns = columns;
    this.coercer = coercer;
    this.indexes = new int[primaryKey.size()];
    this.names = new ArrayList<>(primaryKey.size());
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = columns.indexOf(primaryKey.get(i));
      if (indexes[i] < 0) {
        throw new IllegalArgumentException("primary-key column '" + primaryKey.get(i) + "' is not a column");
      }
      names.add(columns.get(indexes[i]).getName());
    }
  }

  /** Overwrites the key columns of {@code row} with the record's Kafka key. */
  void fillFromKafkaKey(SinkRecord record, Record row) {
    Object key = record.key();
    if (key == null) {
      throw new RecordConversionException("the Kafka key is null; it must hold the primary key " + names);
    }
    if (isObject(key)) {
      Map<?, ?> fields = TopLevelFields.of(key, record.keySchema(), "message key");
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        int index = keyIndexOf(String.valueOf(field.getKey()));
        Column column = columns.get(index);
        columns.set(row, index, coercer.coerce(field.getValue(), column.getTypeInfo(), column.getName()));
      }
      return;
    }
    if (indexes.length != 1) {
      throw new RecordConversionException("the Kafka key is a single value; the primary key " + names
          + " needs a Struct or JSON object with those fields");
    }
    Column column = columns.get(indexes[0]);
    Object plain = ConnectValueNormalizer.normalize(key, record.keySchema());
    columns.set(row, indexes[0], coercer.coerce(plain, column.getTypeInfo(), column.getName()));
  }

  /** @throws RecordConversionException naming the key columns that are NULL */
  void requireAll(Record row) {
    List<String> missing = null;
    for (int i = 0; i < indexes.length; i++) {
      if (row.get(indexes[i]) == null) {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(names.get(i));
      }
    }
    if (missing != null) {
      throw new RecordConversionException("primary-key column" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + " " + (missing.size() == 1 ? "is" : "are") + " NULL; a Delta table"
          + " needs the whole key " + names);
    }
  }

  private int keyIndexOf(String field) {
    int index = columns.indexOf(field);
    for (int keyIndex : indexes) {
      if (keyIndex == index) {
        return index;
      }
    }
    throw new RecordConversionException("Kafka key field '" + field + "' is not a primary-key column " + names);
  }

  /** A Struct, a map, or text that holds a JSON object: fields; anything else is one value. */
  private static boolean isObject(Object key) {
    if (key instanceof Struct || key instanceof Map) {
      return true;
    }
    if (key instanceof String || key instanceof byte[] || key instanceof ByteBuffer) {
      String text = MessageText.of(key, "message key").trim();
      return text.startsWith("{");
    }
    return false;
  }
}
