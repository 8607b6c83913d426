package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/**
 * How a value computed by an INSERT's source becomes a value of the target column, as MaxCompute's
 * implicit conversions allow: integers widen (and narrow when the value fits, as constants do),
 * numbers become DOUBLE, DECIMAL or STRING, STRING parses into numbers, dates and times (in the
 * session's time zone), DATE and DATETIME widen into the time types. Anything else (BOOLEAN to a
 * number, a DOUBLE into BIGINT, ...) is MaxCompute's "Illegal implicit type cast".
 *
 * <p>The source is read from DuckDB's result, whose types are DuckDB's: a time without zone there
 * is a UTC wall clock, as the tables' views store DATETIME and TIMESTAMP.
 */
final class ImplicitCast {
  private static final Set<MaxComputeType.Kind> INTEGERS = Set.of(MaxComputeType.Kind.TINYINT,
      MaxComputeType.Kind.SMALLINT, MaxComputeType.Kind.INT, MaxComputeType.Kind.BIGINT);
  private static final DateTimeFormatter TIME_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[ HH:mm:ss]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);

  /** What a source column holds, by DuckDB's type name. */
  enum Source { NULL, BOOLEAN, INTEGER, FLOATING, DECIMAL, STRING, DATE, TIMESTAMP, BINARY, OTHER }

  private final Column target;
  private final Source source;
  private final String sourceType;
  private final ZoneId zone;

  private ImplicitCast(Column target, Source source, String sourceType, ZoneId zone) {
    this.target = target;
    this.source = source;
    this.sourceType = sourceType;
    this.zone = zone;
  }

  /** The cast into {@code target} of a source column of DuckDB type {@code duckType}, or a SqlError. */
  static ImplicitCast of(String duckType, Column target, ZoneId zone, SqlToken at) {
    Source source = source(duckType);
    ImplicitCast cast = new ImplicitCast(target, source, duckType, zone);
    if (!cast.allowed()) {
      throw new SqlError("ODPS-0130141:" + at.position() + " Illegal implicit type cast - cannot insert a "
          + sourceName(source, duckType) + " value into column " + target.name() + " of type "
          + target.type().typeName());
    }
    return cast;
  }

  static Source source(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT).replace("\"", "");
    if (t.equals("NULL")) {
      return Source.NULL;
    }
    if (t.equals("BOOLEAN")) {
      return Source.BOOLEAN;
    }
    if (Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
        "UBIGINT").contains(t)) {
      return Source.INTEGER;
    }
    if (t.equals("FLOAT") || t.equals("DOUBLE")) {
      return Source.FLOATING;
    }
    if (t.startsWith("DECIMAL")) {
      return Source.DECIMAL;
    }
    if (t.equals("VARCHAR") || t.equals("JSON")) {
      return Source.STRING;
    }
    if (t.equals("DATE")) {
      return Source.DATE;
    }
    if (t.startsWith("TIMESTAMP") && !t.contains("TIME ZONE")) {
      return Source.TIMESTAMP;
    }
    return t.equals("BLOB") ? Source.BINARY : Source.OTHER;
  }

  private boolean allowed() {
    if (source == Source.NULL) {
      return true;
    }
    MaxComputeType.Kind kind = target.type().kind();
    if (INTEGERS.contains(kind)) {
      return source == Source.INTEGER || source == Source.STRING;
    }
    return switch (kind) {
      case DOUBLE, FLOAT, DECIMAL -> Set.of(Source.INTEGER, Source.FLOATING, Source.DECIMAL, Source.STRING)
          .contains(source);
      case STRING, VARCHAR, CHAR -> Set.of(Source.INTEGER, Source.FLOATING, Source.DECIMAL, Source.STRING,
          Source.DATE, Source.TIMESTAMP).contains(source);
      case JSON -> source == Source.STRING;
      case BOOLEAN -> source == Source.BOOLEAN;
      case DATE -> source == Source.DATE || source == Source.STRING;
      case DATETIME, TIMESTAMP, TIMESTAMP_NTZ -> Set.of(Source.DATE, Source.TIMESTAMP, Source.STRING)
          .contains(source);
      case BINARY -> source == Source.BINARY || source == Source.STRING;
      default -> false; // intervals and nested types are not written by SQL here
    };
  }

  /** The value of column {@code index} of the current row, as a value of the target column. */
  Object read(ResultSet rs, int index, SqlToken at) throws SQLException {
    Object raw = rs.getObject(index);
    if (raw == null || source == Source.NULL) {
      return null;
    }
    try {
      return convert(rs, index);
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw new SqlError("ODPS-0123131:" + at.position() + " User defined function exception - cannot convert"
          + " value '" + rs.getString(index) + "' of type " + sourceName(source, sourceType) + " to column "
          + target.name() + " of type " + target.type().typeName());
    }
  }

  private Object convert(ResultSet rs, int index) throws SQLException {
    MaxComputeType.Kind kind = target.type().kind();
    if (INTEGERS.contains(kind)) {
      long value = source == Source.STRING ? new BigDecimal(rs.getString(index).trim()).longValueExact()
          : new BigInteger(rs.getString(index)).longValueExact();
      return switch (kind) {
        case TINYINT -> (byte) Math.toIntExact(fits(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
        case SMALLINT -> (short) Math.toIntExact(fits(value, Short.MIN_VALUE, Short.MAX_VALUE));
        case INT -> Math.toIntExact(value);
        default -> value;
      };
    }
    return switch (kind) {
      case DOUBLE -> Double.parseDouble(rs.getString(index).trim());
      case FLOAT -> Float.parseFloat(rs.getString(index).trim());
      case DECIMAL -> new BigDecimal(rs.getString(index).trim());
      case STRING, VARCHAR, CHAR, JSON -> text(rs, index);
      case BOOLEAN -> rs.getBoolean(index);
      case DATE -> source == Source.DATE ? rs.getObject(index, LocalDate.class)
          : LocalDate.parse(rs.getString(index).trim());
      case DATETIME -> instant(rs, index).truncatedTo(ChronoUnit.MILLIS);
      case TIMESTAMP -> instant(rs, index);
      case TIMESTAMP_NTZ -> wallClock(rs, index);
      case BINARY -> source == Source.BINARY ? rs.getBytes(index)
          : rs.getString(index).getBytes(StandardCharsets.UTF_8);
      default -> throw new IllegalStateException("no conversion into " + target.type().typeName());
    };
  }

  private static long fits(long value, long min, long max) {
    if (value < min || value > max) {
      throw new ArithmeticException("out of range");
    }
    return value;
  }

  private String text(ResultSet rs, int index) throws SQLException {
    return source == Source.STRING ? rs.getString(index) : new CsvResultFormatter(zone).cell(rs, index, sourceType);
  }

  /**
   * A time: a DuckDB timestamp is a UTC wall clock. Text and DATEs are read as queries here show
   * the column: a DATETIME in the session's zone, a TIMESTAMP in UTC.
   */
  private Instant instant(ResultSet rs, int index) throws SQLException {
    ZoneId textZone = target.type().kind() == MaxComputeType.Kind.DATETIME ? zone : ZoneOffset.UTC;
    return switch (source) {
      case TIMESTAMP -> rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
      case DATE -> rs.getObject(index, LocalDate.class).atStartOfDay(textZone).toInstant();
      default -> LocalDateTime.parse(rs.getString(index).trim(), TIME_TEXT).atZone(textZone).toInstant();
    };
  }

  private LocalDateTime wallClock(ResultSet rs, int index) throws SQLException {
    return switch (source) {
      case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
      case DATE -> rs.getObject(index, LocalDate.class).atStartOfDay();
      default -> LocalDateTime.parse(rs.getString(index).trim(), TIME_TEXT);
    };
  }

  private static String sourceName(Source source, String duckType) {
    return switch (source) {
      case INTEGER -> "BIGINT";
      case FLOATING -> "DOUBLE";
      case STRING -> "STRING";
      case TIMESTAMP -> "DATETIME";
      case BINARY -> "BINARY";
      default -> duckType.toUpperCase(Locale.ROOT);
    };
  }
}
