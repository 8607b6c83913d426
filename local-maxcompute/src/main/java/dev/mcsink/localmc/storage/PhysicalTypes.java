package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.MaxComputeType.Decimal;
import java.util.stream.Collectors;

/**
 * How each MaxCompute type is stored in DuckDB, and how SQL sees it.
 *
 * <ul>
 *   <li>Integers, DOUBLE, FLOAT, BOOLEAN, DATE, BINARY (BLOB): the DuckDB type of the same name.
 *   <li>STRING, VARCHAR(n), CHAR(n), JSON: VARCHAR.
 *   <li>DECIMAL(p,s): DECIMAL(p,s). The bare legacy DECIMAL (54 digits, scale up to 18) is wider
 *       than DuckDB's 38 digits, so it is stored as VARCHAR holding the exact plain string.
 *   <li>DATETIME: TIMESTAMP (microseconds, UTC); values have millisecond precision.
 *   <li>TIMESTAMP, TIMESTAMP_NTZ: TIMESTAMP_NS (nanoseconds since the epoch, UTC wall clock for
 *       TIMESTAMP_NTZ). Its range is 1677-09-21..2262-04-11; values outside are rejected.
 *   <li>INTERVAL_DAY_TIME: DECIMAL(38,9) seconds (DuckDB's INTERVAL has no nanoseconds);
 *       INTERVAL_YEAR_MONTH: BIGINT months.
 *   <li>ARRAY, MAP, STRUCT: VARCHAR holding an exact JSON encoding ({@link NestedValueJson}), because
 *       the appender cannot write arbitrarily nested values. The SQL view casts it to the DuckDB
 *       LIST/MAP/STRUCT so queries see typed values.
 * </ul>
 */
final class PhysicalTypes {
  private PhysicalTypes() {}

  static String storageType(MaxComputeType type) {
    return switch (type.kind()) {
      case BIGINT, INTERVAL_YEAR_MONTH -> "BIGINT";
      case INT -> "INTEGER";
      case SMALLINT -> "SMALLINT";
      case TINYINT -> "TINYINT";
      case DOUBLE -> "DOUBLE";
      case FLOAT -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      case STRING, VARCHAR, CHAR, JSON, ARRAY, MAP, STRUCT -> "VARCHAR";
      case BINARY -> "BLOB";
      case DECIMAL -> isLegacyDecimal(type) ? "VARCHAR" : decimal((Decimal) type);
      case DATE -> "DATE";
      case DATETIME -> "TIMESTAMP";
      case TIMESTAMP, TIMESTAMP_NTZ -> "TIMESTAMP_NS";
      case INTERVAL_DAY_TIME -> "DECIMAL(38,9)";
    };
  }

  static boolean isLegacyDecimal(MaxComputeType type) {
    return type instanceof Decimal d && d.bare();
  }

  /** The expression the SQL view shows for a stored column. */
  static String viewExpression(MaxComputeType type, String quotedColumn) {
    return switch (type.kind()) {
      case ARRAY, MAP, STRUCT -> "CAST(CAST(" + quotedColumn + " AS JSON) AS " + nestedSqlType(type) + ")";
      default -> quotedColumn;
    };
  }

  /** The DuckDB type SQL sees for a column of the type (the view's, for ARRAY/MAP/STRUCT). */
  static String sqlType(MaxComputeType type) {
    return switch (type.kind()) {
      case ARRAY, MAP, STRUCT -> nestedSqlType(type);
      default -> storageType(type);
    };
  }

  /** The DuckDB type SQL sees for a value inside an ARRAY/MAP/STRUCT (see NestedValueJson). */
  private static String nestedSqlType(MaxComputeType type) {
    return switch (type.kind()) {
      case ARRAY -> nestedSqlType(((MaxComputeType.Array) type).element()) + "[]";
      case MAP -> {
        MaxComputeType.MapOf map = (MaxComputeType.MapOf) type;
        yield "MAP(" + nestedSqlType(map.key()) + ", " + nestedSqlType(map.value()) + ")";
      }
      case STRUCT -> ((MaxComputeType.Struct) type).fields().stream()
          .map(f -> quote(f.name()) + " " + nestedSqlType(f.type()))
          .collect(Collectors.joining(", ", "STRUCT(", ")"));
      case BINARY, TIMESTAMP, TIMESTAMP_NTZ, INTERVAL_DAY_TIME, DECIMAL -> isDecimalWithPrecision(type)
          ? decimal((Decimal) type) : "VARCHAR";
      case DATETIME -> "TIMESTAMP";
      default -> storageType(type);
    };
  }

  private static boolean isDecimalWithPrecision(MaxComputeType type) {
    return type instanceof Decimal d && !d.bare();
  }

  private static String decimal(Decimal d) {
    return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
