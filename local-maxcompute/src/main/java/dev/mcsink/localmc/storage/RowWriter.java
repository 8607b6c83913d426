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
 * Returns an estimate of the row's raw size, for table and block statistics. A block's rows are
 * checked alone when it arrives ({@link #check}) and appended at commit.
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
    return visit(row, appender);
  }

  /**
   * Throws IllegalArgumentException, naming the column, for a row that {@link #append} cannot store
   * as it is; returns the row's size estimate. Lets a block be judged when it arrives and appended
   * only at commit.
   */
  long check(Object[] row) {
    try {
      return visit(row, null);
    } catch (SQLException e) {
      throw new IllegalStateException("no appender, no SQL", e);
    }
  }

  /** Checks each value, appends it when {@code appender} is not null, and sums the size estimates. */
  private long visit(Object[] row, DuckDBAppender appender) throws SQLException {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("A row has " + row.length + " values, the table has "
          + columns.size() + " data columns");
    }
    long size = 0;
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        if (appender != null) {
          appender.appendNull();
        }
        continue;
      }
      Column column = columns.get(i);
      try {
        size += value(column.type(), value, appender);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("Column " + column.name() + " of type " + column.type().typeName()
            + " cannot hold a " + value.getClass().getSimpleName() + " (" + value + ")");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Column " + column.name() + ": " + e.getMessage(), e);
      }
    }
    return size;
  }

  /**
   * Checks one value against its column type, appends it when {@code appender} is not null (each
   * conversion made once, whether checked only or written too), and returns its size estimate.
   */
  private static long value(MaxComputeType type, Object value, DuckDBAppender appender) throws SQLException {
    switch (type.kind()) {
      case BIGINT:
      case INTERVAL_YEAR_MONTH: {
        long v = (Long) value;
        if (appender != null) {
          appender.append(v);
        }
        return 8;
      }
      case DOUBLE: {
        double v = (Double) value;
        if (appender != null) {
          appender.append(v);
        }
        return 8;
      }
      case INT: {
        int v = (Integer) value;
        if (appender != null) {
          appender.append(v);
        }
        return 4;
      }
      case FLOAT: {
        float v = (Float) value;
        if (appender != null) {
          appender.append(v);
        }
        return 4;
      }
      case SMALLINT: {
        short v = (Short) value;
        if (appender != null) {
          appender.append(v);
        }
        return 2;
      }
      case TINYINT: {
        byte v = (Byte) value;
        if (appender != null) {
          appender.append(v);
        }
        return 1;
      }
      case BOOLEAN: {
        boolean v = (Boolean) value;
        if (appender != null) {
          appender.append(v);
        }
        return 1;
      }
      case DATE: {
        int days = Math.toIntExact(((LocalDate) value).toEpochDay());
        if (appender != null) {
          appender.appendEpochDays(days);
        }
        return 4;
      }
      case STRING:
      case JSON:
        return text(appender, (String) value);
      case VARCHAR:
      case CHAR: {
        String s = (String) value;
        int max = ((MaxComputeType.Chars) type).length();
        if (s.codePointCount(0, s.length()) > max) {
          throw new IllegalArgumentException("value '" + abbreviate(s) + "' is longer than " + type.typeName());
        }
        return text(appender, s);
      }
      case BINARY: {
        byte[] bytes = (byte[]) value;
        if (appender != null) {
          appender.append(bytes);
        }
        return bytes.length;
      }
      case DECIMAL: {
        Decimal decimal = (Decimal) type;
        BigDecimal d = (BigDecimal) value;
        if (decimal.bare()) {
          return text(appender, bareDecimalText(decimal, d));
        }
        BigDecimal scaled = d.setScale(decimal.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > decimal.precision() && scaled.signum() != 0) {
          throw new IllegalArgumentException("value " + d.toPlainString() + " does not fit " + type.typeName());
        }
        if (appender != null) {
          appendDecimal(appender, decimal.precision(), scaled);
        }
        return 16;
      }
      case DATETIME: {
        long micros = Math.multiplyExact(((Instant) value).toEpochMilli(), 1000L);
        if (appender != null) {
          appender.appendEpochMicros(micros);
        }
        return 8;
      }
      case TIMESTAMP: {
        Instant instant = (Instant) value;
        return epochNanos(appender, epochNanos(instant.getEpochSecond(), instant.getNano(), value));
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime local = (LocalDateTime) value;
        return epochNanos(appender, epochNanos(local.toEpochSecond(ZoneOffset.UTC), local.getNano(), value));
      }
      case INTERVAL_DAY_TIME: {
        Duration duration = (Duration) value;
        if (appender != null) {
          appender.append(BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)));
        }
        return 12;
      }
      case ARRAY:
      case MAP:
      case STRUCT: {
        String json = NestedValueJson.encode(type, value);
        if (appender != null) {
          appender.append(json);
        }
        return json.getBytes(StandardCharsets.UTF_8).length;
      }
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  private static long text(DuckDBAppender appender, String text) throws SQLException {
    if (appender != null) {
      appender.append(text);
    }
    return text.length();
  }

  private static long epochNanos(DuckDBAppender appender, long nanos) throws SQLException {
    if (appender != null) {
      appender.appendEpochNanos(nanos);
    }
    return 12;
  }

  /** A legacy bare DECIMAL's text, rounded to its scale; rejected past 36 integer digits. */
  private static String bareDecimalText(Decimal decimal, BigDecimal d) {
    BigDecimal fitted = d.scale() > decimal.scale() ? d.setScale(decimal.scale(), RoundingMode.HALF_UP) : d;
    if (fitted.abs().compareTo(LEGACY_DECIMAL_LIMIT) >= 0) {
      throw new IllegalArgumentException("DECIMAL value " + d.toPlainString() + " has more than 36 integer digits");
    }
    return fitted.toPlainString();
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
