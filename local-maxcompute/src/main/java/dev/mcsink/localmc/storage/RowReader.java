package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored columns back as MaxCompute Java values. Temporal columns are selected as integer
 * epoch offsets, so no JDBC calendar conversion can touch them.
 */
final class RowReader {
  private final List<Column> columns;
  private final boolean queryResult;

  RowReader(List<Column> columns) {
    this(columns, false);
  }

  private RowReader(List<Column> columns, boolean queryResult) {
    this.columns = List.copyOf(columns);
    this.queryResult = queryResult;
  }

  /**
   * A reader of a query's result columns, selected by position ({@code #1}) from the query as a
   * subquery: each is cast to the DuckDB type of its MaxCompute type, ARRAY/MAP/STRUCT turned into
   * the JSON text a stored nested column holds.
   */
  static RowReader ofQueryResult(List<Column> columns) {
    return new RowReader(columns, true);
  }

  /** The SELECT list for the columns, in order. */
  String selectList() {
    List<String> expressions = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      MaxComputeType type = columns.get(i).type();
      expressions.add(queryResult ? resultExpression(type, "#" + (i + 1))
          : selectExpression(type, PhysicalTypes.quote(columns.get(i).name())));
    }
    return String.join(", ", expressions);
  }

  private static String resultExpression(MaxComputeType type, String position) {
    String cast = "CAST(" + position + " AS " + PhysicalTypes.sqlType(type) + ")";
    return switch (type.kind()) {
      case ARRAY, MAP, STRUCT -> "CAST(to_json(" + cast + ") AS VARCHAR)";
      default -> selectExpression(type, cast);
    };
  }

  private static String selectExpression(MaxComputeType type, String column) {
    return switch (type.kind()) {
      case DATE -> "(" + column + " - DATE '1970-01-01')";
      case DATETIME -> "epoch_ms(" + column + ")";
      case TIMESTAMP, TIMESTAMP_NTZ -> "epoch_ns(" + column + ")";
      default -> column;
    };
  }

  Object[] read(ResultSet rs) throws SQLException {
    return read(rs, 0);
  }

  /** Reads the columns that follow the first {@code skipped} ones of {@code rs}. */
  Object[] read(ResultSet rs, int skipped) throws SQLException {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = value(rs, skipped + i + 1, columns.get(i).type());
    }
    return row;
  }

  private static Object value(ResultSet rs, int index, MaxComputeType type) throws SQLException {
    Object value = switch (type.kind()) {
      case BIGINT, INTERVAL_YEAR_MONTH -> rs.getLong(index);
      case INT -> rs.getInt(index);
      case SMALLINT -> rs.getShort(index);
      case TINYINT -> rs.getByte(index);
      case DOUBLE -> rs.getDouble(index);
      case FLOAT -> rs.getFloat(index);
      case BOOLEAN -> rs.getBoolean(index);
      case STRING, VARCHAR, CHAR, JSON -> rs.getString(index);
      case BINARY -> rs.getBytes(index);
      case DECIMAL -> PhysicalTypes.isLegacyDecimal(type)
          ? textDecimal(rs.getString(index)) : rs.getBigDecimal(index);
      case DATE -> LocalDate.ofEpochDay(rs.getLong(index));
      case DATETIME -> Instant.ofEpochMilli(rs.getLong(index));
      case TIMESTAMP -> instantOfNanos(rs.getLong(index));
      case TIMESTAMP_NTZ -> {
        Instant instant = instantOfNanos(rs.getLong(index));
        yield LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
      }
      case INTERVAL_DAY_TIME -> duration(rs.getBigDecimal(index));
      case ARRAY, MAP, STRUCT -> {
        String json = rs.getString(index);
        yield json == null ? null : NestedValueJson.decode(type, json);
      }
    };
    return rs.wasNull() ? null : value;
  }

  private static BigDecimal textDecimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  private static Instant instantOfNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static Duration duration(BigDecimal seconds) {
    if (seconds == null) {
      return null;
    }
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }
}
