package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.MaxComputeType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a value DuckDB computed (as its JDBC driver gives it, inside LISTs, MAPs and STRUCTs too)
 * into the Java value of a MaxCompute type ({@link MaxComputeType}'s convention). A DuckDB time
 * without zone is a UTC wall clock, as the tables store DATETIME and TIMESTAMP; text is read as
 * queries here show the type: a DATETIME in the session's zone, a TIMESTAMP in UTC.
 *
 * <p>A value that cannot be read as the type raises NumberFormatException, ArithmeticException
 * or DateTimeException; a value of another kind altogether raises {@link Mismatch}.
 */
final class ValueConversion {
  private static final DateTimeFormatter TIME_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[ HH:mm:ss]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);

  /** A value of a kind the type does not take; the message names the kind. */
  static final class Mismatch extends RuntimeException {
    Mismatch(Object value) {
      super(value.getClass().getSimpleName());
    }
  }

  private final ZoneId zone;

  ValueConversion(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  Object convert(Object value, MaxComputeType type) throws SQLException {
    if (value == null) {
      return null;
    }
    return switch (type.kind()) {
      case TINYINT -> (byte) fits(integer(value), Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (short) fits(integer(value), Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> Math.toIntExact(integer(value));
      case BIGINT -> integer(value);
      case DOUBLE -> number(value).doubleValue();
      case FLOAT -> number(value).floatValue();
      case DECIMAL -> number(value);
      case STRING, VARCHAR, CHAR, JSON -> text(value);
      case BOOLEAN -> of(Boolean.class, value);
      case DATE -> value instanceof String s ? LocalDate.parse(s.trim()) : of(LocalDate.class, value);
      case DATETIME -> instant(value, zone).truncatedTo(ChronoUnit.MILLIS);
      case TIMESTAMP -> instant(value, ZoneOffset.UTC);
      case TIMESTAMP_NTZ -> wallClock(value);
      case BINARY -> value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : of(byte[].class, value);
      case ARRAY -> array(value, ((MaxComputeType.Array) type).element());
      case MAP -> map(value, (MaxComputeType.MapOf) type);
      case STRUCT -> struct(value, (MaxComputeType.Struct) type);
      default -> throw new Mismatch(value);
    };
  }

  private static long integer(Object value) {
    if (value instanceof String || value instanceof Number && !(value instanceof Double || value instanceof Float)) {
      return new BigDecimal(value.toString().trim()).longValueExact();
    }
    throw new Mismatch(value);
  }

  private static long fits(long value, long min, long max) {
    if (value < min || value > max) {
      throw new ArithmeticException("out of range");
    }
    return value;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString());
    }
    if (value instanceof String || value instanceof Number) {
      return new BigDecimal(value.toString().trim());
    }
    throw new Mismatch(value);
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof String || value instanceof Number || value instanceof LocalDate) {
      return value.toString();
    }
    throw new Mismatch(value);
  }

  private Instant instant(Object value, ZoneId textZone) {
    if (value instanceof String s) {
      return LocalDateTime.parse(s.trim(), TIME_TEXT).atZone(textZone).toInstant();
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay(textZone).toInstant();
    }
    return wallClock(value).toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime wallClock(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof String s) {
      return LocalDateTime.parse(s.trim(), TIME_TEXT);
    }
    throw new Mismatch(value);
  }

  private List<Object> array(Object value, MaxComputeType element) throws SQLException {
    List<Object> list = new ArrayList<>();
    for (Object item : (Object[]) of(Array.class, value).getArray()) {
      list.add(convert(item, element));
    }
    return list;
  }

  private Map<Object, Object> map(Object value, MaxComputeType.MapOf type) throws SQLException {
    Map<Object, Object> map = new LinkedHashMap<>();
    Map<?, ?> source = of(Map.class, value);
    for (Map.Entry<?, ?> e : source.entrySet()) {
      map.put(convert(e.getKey(), type.key()), convert(e.getValue(), type.value()));
    }
    return map;
  }

  /** Fields by position, as MaxCompute assigns a STRUCT: the source's field names do not matter. */
  private List<Object> struct(Object value, MaxComputeType.Struct type) throws SQLException {
    Collection<Object> fields = of(org.duckdb.DuckDBStruct.class, value).getMap().values();
    if (fields.size() != type.fields().size()) {
      throw new Mismatch(value);
    }
    List<Object> converted = new ArrayList<>();
    int i = 0;
    for (Object field : fields) {
      converted.add(convert(field, type.fields().get(i++).type()));
    }
    return converted;
  }

  private static <T> T of(Class<T> kind, Object value) {
    if (!kind.isInstance(value)) {
      throw new Mismatch(value);
    }
    return kind.cast(value);
  }
}
