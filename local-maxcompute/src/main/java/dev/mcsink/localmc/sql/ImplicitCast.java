package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a column computed by an INSERT's source may go into its target column, as MaxCompute's
 * implicit conversions allow: integers widen (and narrow when the value fits, as constants do),
 * numbers become DOUBLE, DECIMAL or STRING, STRING parses into numbers, dates and times, DATE and
 * DATETIME widen into the time types, ARRAY/MAP/STRUCT take values of the same shape. Anything else
 * (BOOLEAN into a number, a DOUBLE into BIGINT, ...) is MaxCompute's "Illegal implicit type cast".
 * The values themselves are converted by {@link ValueConversion}.
 */
final class ImplicitCast {
  private static final Set<MaxComputeType.Kind> INTEGERS = Set.of(MaxComputeType.Kind.TINYINT,
      MaxComputeType.Kind.SMALLINT, MaxComputeType.Kind.INT, MaxComputeType.Kind.BIGINT);
  private static final Set<MaxComputeType.Kind> TEXT = Set.of(MaxComputeType.Kind.STRING,
      MaxComputeType.Kind.VARCHAR, MaxComputeType.Kind.CHAR, MaxComputeType.Kind.JSON);

  /** What a source column holds, by DuckDB's type name. */
  enum Source { NULL, BOOLEAN, INTEGER, FLOATING, DECIMAL, STRING, DATE, TIMESTAMP, BINARY, LIST, MAP, STRUCT, OTHER }

  private final Column target;
  private final Source source;
  private final String sourceType;
  private final ValueConversion values;
  private final SqlToken at;

  private ImplicitCast(Column target, Source source, String sourceType, ZoneId zone, SqlToken at) {
    this.target = target;
    this.source = source;
    this.sourceType = sourceType;
    this.values = new ValueConversion(zone);
    this.at = at;
  }

  /**
   * The cast into {@code target} of a source column of DuckDB type {@code duckType}, or a SqlError.
   * DuckDB types a bare NULL (which MaxCompute lets into any column) as INTEGER, so an INTEGER
   * column that may not go into the target is refused at its first value that is not NULL.
   */
  static ImplicitCast of(String duckType, Column target, ZoneId zone, SqlToken at) {
    ImplicitCast cast = new ImplicitCast(target, source(duckType), duckType, zone, at);
    if (!cast.allowed() && cast.source != Source.INTEGER) {
      throw cast.illegal(sourceName(cast.source, duckType));
    }
    return cast;
  }

  static Source source(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT).replace("\"", "");
    if (t.endsWith("[]")) {
      return Source.LIST;
    }
    if (t.startsWith("MAP(")) {
      return Source.MAP;
    }
    if (t.startsWith("STRUCT(")) {
      return Source.STRUCT;
    }
    if (t.startsWith("DECIMAL")) {
      return Source.DECIMAL;
    }
    if (t.startsWith("TIMESTAMP") && !t.contains("TIME ZONE")) {
      return Source.TIMESTAMP;
    }
    return switch (t) {
      case "NULL" -> Source.NULL;
      case "BOOLEAN" -> Source.BOOLEAN;
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
          "UBIGINT" -> Source.INTEGER;
      case "FLOAT", "DOUBLE" -> Source.FLOATING;
      case "VARCHAR", "JSON" -> Source.STRING;
      case "DATE" -> Source.DATE;
      case "BLOB" -> Source.BINARY;
      default -> Source.OTHER;
    };
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
      case ARRAY -> source == Source.LIST;
      case MAP -> source == Source.MAP;
      case STRUCT -> source == Source.STRUCT;
      default -> false; // intervals are not written by SQL here
    };
  }

  /** The value of column {@code index} of the current row, as a value of the target column. */
  Object read(ResultSet rs, int index) throws SQLException {
    if (rs.getObject(index) == null || source == Source.NULL) {
      return null;
    }
    if (!allowed()) {
      throw illegal(sourceName(source, sourceType));
    }
    Object raw = switch (source) {
      // the wall clock as stored: no JDBC time zone conversion
      case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
      case BINARY -> rs.getBytes(index);
      // numbers and times go into text as a query shows them
      default -> TEXT.contains(target.type().kind()) && source != Source.STRING
          ? new CsvResultFormatter(values.zone()).cell(rs, index, sourceType) : rs.getObject(index);
    };
    try {
      return values.convert(raw, target.type());
    } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
      throw new SqlError("ODPS-0123131:" + at.position() + " User defined function exception - cannot convert"
          + " value '" + rs.getString(index) + "' of type " + sourceName(source, sourceType) + " to column "
          + target.name() + " of type " + target.type().typeName());
    } catch (ValueConversion.Mismatch e) {
      throw illegal(e.getMessage());
    }
  }

  private SqlError illegal(String what) {
    return new SqlError("ODPS-0130141:" + at.position() + " Illegal implicit type cast - cannot insert a "
        + what + " value into column " + target.name() + " of type " + target.type().typeName());
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
