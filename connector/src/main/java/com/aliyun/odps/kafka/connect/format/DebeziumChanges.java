package com.aliyun.odps.kafka.connect.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Debezium change events (cdc.format DEBEZIUM) from a message value's fields: the native
 * envelope ({@code op} with {@code before} / {@code after}) and the form flattened by
 * {@code ExtractNewRecordState} (the row's fields, with {@code __deleted} when deletes are
 * rewritten and {@code __op} when added). Tombstones never get here: they delete by the Kafka key.
 */
final class DebeziumChanges {
  static final String DELETED = "__deleted";
  static final String OP = "__op";
  /** Fields Debezium's SMT adds start with this; written only where the table has such a column. */
  private static final String ADDED_FIELD_PREFIX = "__";

  /** What one event does: {@code fields} is the row image to write, or the key to delete (null: the Kafka key). */
  static final class Event {
    final boolean deletes;
    final Map<?, ?> fields;

    Event(boolean deletes, Map<?, ?> fields) {
      this.deletes = deletes;
      this.fields = fields;
    }
  }

  private final TableColumns columns;

  DebeziumChanges(TableColumns columns) {
    this.columns = columns;
  }

  /** @throws RecordConversionException for an event this sink cannot apply (unknown op, truncate, no row image) */
  Event read(Map<?, ?> value) {
    if (value.containsKey("op") && (value.containsKey("after") || value.containsKey("before"))) {
      return envelope(value);
    }
    return flattened(value);
  }

  private static Event envelope(Map<?, ?> value) {
    Object op = value.get("op");
    String code = op == null ? "" : op.toString();
    switch (code) {
      case "c":
      case "r":
      case "u":
        return new Event(false, image(value.get("after"), "after", code));
      case "d":
        Object before = value.get("before");
        return new Event(true, before == null ? null : image(before, "before", code));
      case "t":
        throw new RecordConversionException("Debezium truncate event (op t): a truncate is not applied to the"
            + " table; filter these events out (e.g. skipped.operations=t on the source)");
      default:
        throw new RecordConversionException("Debezium event with op '" + code + "': expected c, r, u or d");
    }
  }

  private static Map<?, ?> image(Object fields, String name, String op) {
    if (!(fields instanceof Map)) {
      throw new RecordConversionException("Debezium event with op " + op + " has no '" + name + "' row image"
          + (fields == null ? "" : " (it is a " + ColumnValueCoercer.kind(fields) + ")"));
    }
    return (Map<?, ?>) fields;
  }

  private Event flattened(Map<?, ?> value) {
    boolean deletes = isTrue(value.get(DELETED)) || "d".equals(String.valueOf(value.get(OP)));
    Map<Object, Object> row = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : value.entrySet()) {
      String name = String.valueOf(field.getKey());
      if (!name.startsWith(ADDED_FIELD_PREFIX) || columns.contains(name)) {
        row.put(field.getKey(), field.getValue());
      }
    }
    return new Event(deletes, row);
  }

  /** {@code __deleted} is the text "true" with Debezium's defaults, a boolean with some converters. */
  private static boolean isTrue(Object flag) {
    return flag != null && "true".equalsIgnoreCase(flag.toString());
  }
}
