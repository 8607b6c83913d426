package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.MaxComputeType.Decimal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Appends rows of MaxCompute Java values (see {@link MaxComputeType}) to a DuckDB appender whose
 * columns follow the data columns, checking each value against its column type first.
 * Returns an estimate of the row's raw size, for table and block statistics. The check and the
 * write are also apart, for a block: checked when it arrives, written at commit.
 */
final class RowWriter {
  /** Nanoseconds since the epoch that TIMESTAMP_NS holds; DuckDB reserves the extremes for infinity. */
  private static final long MIN_NANOS = Long.MIN_VALUE + 2;
  private static final long MAX_NANOS = Long.MAX_VALUE - 1;
  private static final BigDecimal LEGACY_DECIMAL_LIMIT = BigDecimal.TEN.pow(36);
  /** The widest DECIMAL precisions DuckDB stores in a SMALLINT, an INTEGER and a BIGINT. */
  private static final int MAX_SHORT_DECIMAL_PRECISION = 4;
  private static final int MAX_INT_DECIMAL_PRECISION = 9;
  private static final int MAX_LONG_DECIMAL_PRECISION = 18;

  private final List<Column> columns;

  RowWriter(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Checks a row and appends it; returns its size estimate. */
  long append(DuckDBAppender appender, Object[] row) throws SQLException {
    long size = check(row);
    write(appender, row);
    return size;
  }

  /**
   * Throws IllegalArgumentException, naming the column, for a row that {@link #write} cannot store
   * as it is; returns the row's size estimate. Lets a block be judged when it arrives and written
   * only at commit.
   */
  long check(Object[] row) {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("A row has " + row.length + " values, the table has "
          + columns.size() + " data columns");
    }
    long size = 0;
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        continue;
      }
      Column column = columns.get(i);
      try {
        size += checkValue(column.type(), value);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("Column " + column.name() + " of type " + column.type().typeName()
            + " cannot hold a " + value.getClass().getSimpleName() + " (" + value + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Column " + column.name() + ": " + e.getMessage(), e);
      }
    }
    return size;
  }

  /** Appends a row that {@link #check} accepted. */
  void write(DuckDBAppender appender, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        appender.appendNull();
      } else {
        writeValue(appender, columns.get(i).type(), value);
      }
    }
  }

  /** The value's size estimate, after the checks {@link #writeValue} relies on. */
  private static long checkValue(MaxComputeType type, Object value) {
    switch (type.kind()) {
      case BIGINT:
      case INTERVAL_YEAR_MONTH:
        return sized(Long.class, value, 8);
      case DOUBLE:
        return sized(Double.class, value, 8);
      case INT:
        return sized(Integer.class, value, 4);
      case FLOAT:
        return sized(Float.class, value, 4);
      case DATE:
        return sized(LocalDate.class, value, 4);
      case SMALLINT:
        return sized(Short.class, value, 2);
      case TINYINT:
        return sized(Byte.class, value, 1);
      case BOOLEAN:
        return sized(Boolean.class, value, 1);
      case STRING:
      case JSON:
        return ((String) value).length();
      case VARCHAR:
      case CHAR: {
        String s = (String) value;
        int max = ((MaxComputeType.Chars) type).length();
        if (s.codePointCount(0, s.length()) > max) {
          throw new IllegalArgumentException("value '" + abbreviate(s) + "' is longer than " + type.typeName());
        }
        return s.length();
      }
      case BINARY:
        return ((byte[]) value).length;
      case DECIMAL: {
        Decimal decimal = (Decimal) type;
        BigDecimal d = (BigDecimal) value;
        if (decimal.bare()) {
          return bareDecimalText(decimal, d).length();
        }
        BigDecimal scaled = scaledDecimal(decimal, d);
        if (scaled.precision() > decimal.precision() && scaled.signum() != 0) {
          throw new IllegalArgumentException("value " + d.toPlainString() + " does not fit " + type.typeName());
        }
        return 16;
      }
      case DATETIME:
        epochMicros((Instant) value);
        return 8;
      case TIMESTAMP: {
        Instant instant = (Instant) value;
        epochNanos(instant.getEpochSecond(), instant.getNano(), value);
        return 12;
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime local = (LocalDateTime) value;
        epochNanos(local.toEpochSecond(ZoneOffset.UTC), local.getNano(), value);
        return 12;
      }
      case INTERVAL_DAY_TIME:
        return sized(Duration.class, value, 12);
      case ARRAY:
      case MAP:
      case STRUCT:
        return NestedValueJson.encode(type, value).getBytes(StandardCharsets.UTF_8).length;
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  /** A fixed size, once the value is known to be of the class the column's type writes. */
  private static long sized(Class<?> type, Object value, long size) {
    type.cast(value);
    return size;
  }

  private static void writeValue(DuckDBAppender appender, MaxComputeType type, Object value) throws SQLException {
    switch (type.kind()) {
      case BIGINT:
      case INTERVAL_YEAR_MONTH:
        appender.append((long) (Long) value);
        break;
      case INT:
        appender.append((int) (Integer) value);
        break;
      case SMALLINT:
        appender.append((short) (Short) value);
        break;
      case TINYINT:
        appender.append((byte) (Byte) value);
        break;
      case DOUBLE:
        appender.append((double) (Double) value);
        break;
      case FLOAT:
        appender.append((float) (Float) value);
        break;
      case BOOLEAN:
        appender.append((boolean) (Boolean) value);
        break;
      case STRING:
      case JSON:
      case VARCHAR:
      case CHAR:
        appender.append((String) value);
        break;
      case BINARY:
        appender.append((byte[]) value);
        break;
      case DECIMAL: {
        Decimal decimal = (Decimal) type;
        BigDecimal d = (BigDecimal) value;
        if (decimal.bare()) {
          appender.append(bareDecimalText(decimal, d));
        } else {
          appendDecimal(appender, decimal.precision(), scaledDecimal(decimal, d));
        }
        break;
      }
      case DATE:
        appender.appendEpochDays(Math.toIntExact(((LocalDate) value).toEpochDay()));
        break;
      case DATETIME:
        appender.appendEpochMicros(epochMicros((Instant) value));
        break;
      case TIMESTAMP: {
        Instant instant = (Instant) value;
        appender.appendEpochNanos(epochNanos(instant.getEpochSecond(), instant.getNano(), value));
        break;
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime local = (LocalDateTime) value;
        appender.appendEpochNanos(epochNanos(local.toEpochSecond(ZoneOffset.UTC), local.getNano(), value));
        break;
      }
      case INTERVAL_DAY_TIME: {
        Duration duration = (Duration) value;
        appender.append(BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)));
        break;
      }
      case ARRAY:
      case MAP:
      case STRUCT:
        appender.append(NestedValueJson.encode(type, value));
        break;
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  /** A legacy bare DECIMAL's text, rounded to its scale; rejected past 36 integer digits. */
  private static String bareDecimalText(Decimal decimal, BigDecimal d) {
    BigDecimal fitted = d.scale() > decimal.scale() ? d.setScale(decimal.scale(), RoundingMode.HALF_UP) : d;
    if (fitted.abs().compareTo(LEGACY_DECIMAL_LIMIT) >= 0) {
      throw new IllegalArgumentException("DECIMAL value " + d.toPlainString() + " has more than 36 integer digits");
    }
    return fitted.toPlainString();
  }

  private static BigDecimal scaledDecimal(Decimal decimal, BigDecimal d) {
    return d.setScale(decimal.scale(), RoundingMode.HALF_UP);
  }

  private static long epochMicros(Instant instant) {
    return Math.multiplyExact(instant.toEpochMilli(), 1000L);
  }

  /**
   * Appends by the unscaled value where DuckDB keeps the column in a 16, 32 or 64-bit integer: its
   * BigDecimal path converts every value through a BigInteger. {@code scaled} has the column's scale.
   */
  private static void appendDecimal(DuckDBAppender appender, int precision, BigDecimal scaled) throws SQLException {
    if (precision > MAX_LONG_DECIMAL_PRECISION) {
      appender.append(scaled);
      return;
    }
    // scale 0 and the same unscaled value: longValueExact reads it without a BigInteger
    long unscaled = scaled.scaleByPowerOfTen(scaled.scale()).longValueExact();
    if (precision <= MAX_SHORT_DECIMAL_PRECISION) {
      appender.appendDecimal((short) unscaled);
    } else if (precision <= MAX_INT_DECIMAL_PRECISION) {
      appender.appendDecimal((int) unscaled);
    } else {
      appender.appendDecimal(unscaled);
    }
  }

  /** Exact nanoseconds since the epoch, or a rejection when TIMESTAMP_NS cannot hold the value. */
  private static long epochNanos(long seconds, int nano, Object value) {
    try {
      // (seconds + 1) * 1e9 - (1e9 - nano) stays in range near the lower bound where seconds * 1e9 would not
      long nanos = seconds < 0 && nano > 0
          ? Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nano - 1_000_000_000L)
          : Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nano);
      if (nanos >= MIN_NANOS && nanos <= MAX_NANOS) {
        return nanos;
      }
    } catch (ArithmeticException overflow) {
      // reported below
    }
    throw new IllegalArgumentException("value " + value + " is outside the supported range "
        + "1677-09-21 00:12:43.145224194 .. 2262-04-11 23:47:16.854775806 (UTC)");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
