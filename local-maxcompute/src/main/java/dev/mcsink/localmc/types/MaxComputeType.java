package dev.mcsink.localmc.types;

import java.util.List;

/**
 * A MaxCompute column type, as written in DDL and in the schema JSON the SDK reads
 * ({@code BIGINT}, {@code DECIMAL(10,2)}, {@code ARRAY<STRUCT<a:INT>>} ...).
 *
 * <p>Java values of each type, the contract between the codec and the storage:
 * BIGINT Long, INT Integer, SMALLINT Short, TINYINT Byte, DOUBLE Double, FLOAT Float, BOOLEAN Boolean,
 * STRING/VARCHAR/CHAR/JSON String, BINARY byte[], DECIMAL BigDecimal, DATE LocalDate,
 * DATETIME Instant (millisecond precision), TIMESTAMP Instant, TIMESTAMP_NTZ LocalDateTime,
 * INTERVAL_DAY_TIME Duration, INTERVAL_YEAR_MONTH Long (total months),
 * ARRAY List, MAP Map (insertion ordered), STRUCT List (field values in declared order).
 */
public sealed interface MaxComputeType
    permits MaxComputeType.Primitive, MaxComputeType.Decimal, MaxComputeType.Chars,
            MaxComputeType.Array, MaxComputeType.MapOf, MaxComputeType.Struct {

  enum Kind {
    BIGINT, INT, SMALLINT, TINYINT, DOUBLE, FLOAT, BOOLEAN, STRING, VARCHAR, CHAR, BINARY,
    DATETIME, DATE, TIMESTAMP, TIMESTAMP_NTZ, JSON, DECIMAL, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH,
    ARRAY, MAP, STRUCT
  }

  Kind kind();

  /** The canonical upper-case spelling, as the SDK prints it. */
  String typeName();

  static MaxComputeType parse(String text) {
    return new TypeParser(text).parseWhole();
  }

  /** A type with no parameters. */
  record Primitive(Kind kind) implements MaxComputeType {
    public String typeName() {
      return kind.name();
    }
  }

  /** DECIMAL(precision, scale); a bare DECIMAL is the legacy DECIMAL(54,18). */
  record Decimal(int precision, int scale, boolean bare) implements MaxComputeType {
    public static final int LEGACY_PRECISION = 54;
    public static final int LEGACY_SCALE = 18;

    public Kind kind() {
      return Kind.DECIMAL;
    }

    public String typeName() {
      return bare ? "DECIMAL" : "DECIMAL(" + precision + "," + scale + ")";
    }
  }

  /** VARCHAR(n) or CHAR(n). */
  record Chars(Kind kind, int length) implements MaxComputeType {
    public String typeName() {
      return kind.name() + "(" + length + ")";
    }
  }

  record Array(MaxComputeType element) implements MaxComputeType {
    public Kind kind() {
      return Kind.ARRAY;
    }

    public String typeName() {
      return "ARRAY<" + element.typeName() + ">";
    }
  }

  record MapOf(MaxComputeType key, MaxComputeType value) implements MaxComputeType {
    public Kind kind() {
      return Kind.MAP;
    }

    public String typeName() {
      return "MAP<" + key.typeName() + "," + value.typeName() + ">";
    }
  }

  record Struct(List<Field> fields) implements MaxComputeType {
    public Struct {
      fields = List.copyOf(fields);
    }

    public Kind kind() {
      return Kind.STRUCT;
    }

    public String typeName() {
      StringBuilder b = new StringBuilder("STRUCT<");
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(fields.get(i).name()).append(':').append(fields.get(i).type().typeName());
      }
      return b.append('>').toString();
    }

    public record Field(String name, MaxComputeType type) {}
  }
}
