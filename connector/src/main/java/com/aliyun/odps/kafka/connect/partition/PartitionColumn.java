package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/**
 * One partition column of {@code partition.columns}: the partition time in a pattern, or a field of
 * the value as text. Immutable and thread-safe.
 */
final class PartitionColumn {
  private final String name;
  /** Null for a field column. */
  private final DateTimeFormatter timeFormat;
  private final PatternWindow window;
  /** Null for a time column. */
  private final String field;

  PartitionColumn(PartitionColumnRule rule, ZoneId zone) {
    this.name = rule.column();
    boolean time = rule.kind() == PartitionColumnRule.Kind.TIME;
    this.timeFormat = time ? DateTimeFormatter.ofPattern(rule.argument(), Locale.ROOT).withZone(zone) : null;
    this.window = time ? new PatternWindow(rule.argument(), zone) : null;
    this.field = time ? null : rule.argument();
  }

  String name() {
    return name;
  }

  boolean fromTime() {
    return timeFormat != null;
  }

  /** @throws PartitionValueException when the record gives no value this column can hold */
  String valueOf(Instant time, RecordValue value) {
    if (timeFormat != null) {
      String text = timeFormat.format(time);
      return checked(text, "the time gives " + PartitionValueException.shown(text));
    }
    Object fieldValue = value.field(field, name);
    if (fieldValue == null) {
      throw new PartitionValueException(name, "field " + field + " is null");
    }
    String text = PartitionValueText.ofScalar(fieldValue);
    if (text == null) {
      throw new PartitionValueException(name, PartitionValueException.shownField(field, fieldValue) + " is "
          + (isNested(fieldValue) ? "nested" : "a " + fieldValue.getClass().getSimpleName())
          + ", not text, a number or a boolean");
    }
    return checked(text, PartitionValueException.shownField(field, text));
  }

  private String checked(String text, String seen) {
    String problem = PartitionColumnRule.valueProblem(text);
    if (problem != null) {
      throw new PartitionValueException(name, seen + ", which cannot be a partition value: " + problem);
    }
    return text;
  }

  private static boolean isNested(Object value) {
    return value instanceof Struct || value instanceof Map || value instanceof Collection
        || value instanceof JsonNode;
  }

  /** When this column's value, for rows buffered by the clock, next changes; {@link Instant#MAX} for a field. */
  Instant windowEnd(Instant now) {
    return window == null ? Instant.MAX : window.nextChange(now);
  }
}
