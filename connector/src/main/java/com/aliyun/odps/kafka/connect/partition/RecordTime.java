package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.PartitionRules;
import com.aliyun.odps.kafka.connect.config.PartitionTimeSource;
import com.aliyun.odps.kafka.connect.config.TimeFieldFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The time a record's partition values are computed from ({@code partition.time.source}): when it
 * is buffered, its Kafka timestamp, or a field of its value read as
 * {@code partition.time.field.format} says. Immutable and thread-safe.
 */
final class RecordTime {
  /** Epoch numbers written as text; a fraction is allowed (seconds such as 1689254025.5). */
  private static final Pattern EPOCH_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final PartitionTimeSource source;
  private final String field;
  private final TimeFieldFormat format;
  private final DateTimeFormatter pattern;
  private final ZoneId zone;

  RecordTime(PartitionRules rules, ZoneId zone) {
    this.source = rules.timeSource();
    this.field = rules.timeField();
    this.format = rules.timeFieldFormat();
    this.pattern = format.kind() == TimeFieldFormat.Kind.PATTERN
        ? DateTimeFormatter.ofPattern(format.pattern(), Locale.ROOT) : null;
    this.zone = zone;
  }

  /** @throws PartitionValueException naming {@code column} when the record has no usable time */
  Instant of(SinkRecord record, RecordValue value, Instant now, String column) {
    switch (source) {
      case FLUSH_TIME:
        return now;
      case KAFKA_TIMESTAMP:
        Long timestamp = record.timestamp();
        if (timestamp == null || timestamp < 0) {
          throw new PartitionValueException(column, "the record has no Kafka timestamp (" + timestamp + ")");
        }
        return Instant.ofEpochMilli(timestamp);
      case FIELD:
        return timeOf(value.field(field, column), column);
      default:
        throw new IllegalStateException("unknown time source " + source);
    }
  }

  private Instant timeOf(Object value, String column) {
    if (value == null) {
      throw new PartitionValueException(column, "field " + field + " is null");
    }
    // Values that are times already are read as what they are, whatever the format says.
    if (value instanceof Date) {
      return Instant.ofEpochMilli(((Date) value).getTime()); // java.sql.Date has no toInstant()
    }
    if (value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof LocalDate) {
      return ((LocalDate) value).atStartOfDay(zone).toInstant();
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).atZone(zone).toInstant();
    }
    String text = PartitionValueText.ofScalar(value);
    Instant time = text == null ? null : pattern != null ? parsed(text) : epoch(text);
    if (time == null) {
      String expected = pattern != null ? "a time in the pattern " + format.pattern() : format.toString();
      throw new PartitionValueException(column, PartitionValueException.shownField(field, value) + " is not " + expected);
    }
    return time;
  }

  /** Epoch milliseconds or seconds; null when the text is not a number or out of range. */
  private Instant epoch(String text) {
    if (!EPOCH_TEXT.matcher(text).matches()) {
      return null;
    }
    int toMillis = format.kind() == TimeFieldFormat.Kind.EPOCH_SECONDS ? 3 : 0;
    try {
      return Instant.ofEpochMilli(new BigDecimal(text).movePointRight(toMillis)
          .setScale(0, RoundingMode.FLOOR).longValueExact());
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * Text in the pattern: an offset or zone in the text is used, otherwise time_zone; a date
   * without a time is the start of that day. Null when the text does not parse.
   */
  private Instant parsed(String text) {
    try {
      TemporalAccessor parsed = pattern.parse(text);
      if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
        return Instant.from(parsed);
      }
      LocalDate date = parsed.query(TemporalQueries.localDate());
      if (date == null) {
        return null;
      }
      LocalTime time = parsed.query(TemporalQueries.localTime());
      ZoneId textZone = parsed.query(TemporalQueries.zone());
      ZoneId in = textZone != null ? textZone : zone;
      return time == null ? date.atStartOfDay(in).toInstant() : date.atTime(time).atZone(in).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
