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
 * Returns an estimate of the row's raw size, for table and block statistics.
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

  long append(DuckDBAppender appender, Object[] row) throws SQLException {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("A row has " + row.length + " values, the table has "
          + columns.size() + " data columns");
    }
    long size = 0;
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      Object value = row[i];
      if (value == null) {
        appender.appendNull();
        continue;
      }
      try {
        size += appendValue(appender, column.type(), value);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("Column " + column.name() + " of type " + column.type().typeName()
            + " cannot hold a " + value.getClass().getSimpleName() + " (" + value + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Column " + column.name() + ": " + e.getMessage(), e);
      }
    }
    return size;
  }

  private static long appendValue(DuckDBAppender appender, MaxComputeType type, Object value) throws SQLException {
    switch (type.kind()) {
      case BIGINT:
        appender.append((long) (Long) value);
        return 8;
      case INT:
        appender.append((int) (Integer) value);
        return 4;
      case SMALLINT:
        appender.append((short) (Short) value);
        return 2;
      case TINYINT:
        appender.append((byte) (Byte) value);
        return 1;
      case DOUBLE:
        appender.append((double) (Double) value);
        return 8;
      case FLOAT:
        appender.append((float) (Float) value);
        return 4;
      case BOOLEAN:
        appender.append((boolean) (Boolean) value);
        return 1;
      case STRING:
      case JSON: {
        String s = (String) value;
        appender.append(s);
        return s.length();
      }
      case VARCHAR:
      case CHAR: {
        String s = (String) value;
        int max = ((MaxComputeType.Chars) type).length();
        if (s.codePointCount(0, s.length()) > max) {
          throw new IllegalArgumentException("value '" + abbreviate(s) + "' is longer than " + type.typeName());
        }
        appender.append(s);
        return s.length();
      }
      case BINARY: {
        byte[] bytes = (byte[]) value;
        appender.append(bytes);
        return bytes.length;
      }
      case DECIMAL: {
        Decimal decimal = (Decimal) type;
        BigDecimal d = (BigDecimal) value;
        if (decimal.bare()) {
          BigDecimal fitted = d.scale() > decimal.scale() ? d.setScale(decimal.scale(), RoundingMode.HALF_UP) : d;
          if (fitted.abs().compareTo(LEGACY_DECIMAL_LIMIT) >= 0) {
            throw new IllegalArgumentException("DECIMAL value " + d.toPlainString()
                + " has more than 36 integer digits");
          }
          String text = fitted.toPlainString();
          appender.append(text);
          return text.length();
        }
        BigDecimal scaled = d.setScale(decimal.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > decimal.precision() && scaled.signum() != 0) {
          throw new IllegalArgumentException("value " + d.toPlainString() + " does not fit " + type.typeName());
        }
        appendDecimal(appender, decimal.precision(), scaled);
        return 16;
      }
      case DATE:
        appender.appendEpochDays(Math.toIntExact(((LocalDate) value).toEpochDay()));
        return 4;
      case DATETIME:
        appender.appendEpochMicros(Math.multiplyExact(((Instant) value).toEpochMilli(), 1000L));
        return 8;
      case TIMESTAMP: {
        Instant instant = (Instant) value;
        appender.appendEpochNanos(epochNanos(instant.getEpochSecond(), instant.getNano(), value));
        return 12;
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime local = (LocalDateTime) value;
        appender.appendEpochNanos(epochNanos(local.toEpochSecond(ZoneOffset.UTC), local.getNano(), value));
        return 12;
      }
      case INTERVAL_DAY_TIME: {
        Duration duration = (Duration) value;
        appender.append(BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)));
        return 12;
      }
      case INTERVAL_YEAR_MONTH:
        appender.append((long) (Long) value);
        return 8;
      case ARRAY:
      case MAP:
      case STRUCT: {
        String json = NestedValueJson.encode(type, value);
        appender.append(json);
        return json.getBytes(StandardCharsets.UTF_8).length;
      }
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
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
