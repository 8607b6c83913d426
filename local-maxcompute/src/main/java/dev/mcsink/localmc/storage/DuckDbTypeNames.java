package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.MaxComputeType.Kind;
import dev.mcsink.localmc.types.MaxComputeType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MaxCompute type of a query result column from the DuckDB type name its metadata reports
 * ({@code INTEGER}, {@code DECIMAL(10,2)}, {@code VARCHAR[]}, {@code INTEGER[2]}, {@code MAP(VARCHAR, BIGINT)},
 * {@code STRUCT(a INTEGER, "b c" VARCHAR)}). The storage mapping ({@link PhysicalTypes}) read
 * backwards: TIMESTAMP is DATETIME, TIMESTAMP_NS is TIMESTAMP; unsigned and 128-bit integers
 * become DECIMAL(38,0); types MaxCompute has no counterpart for (INTERVAL, UUID, ...) become STRING,
 * read as DuckDB's text of the value.
 */
final class DuckDbTypeNames {
  private final String text;
  private int at;

  private DuckDbTypeNames(String text) {
    this.text = text;
  }

  static MaxComputeType maxComputeType(String duckDbType) {
    DuckDbTypeNames parser = new DuckDbTypeNames(duckDbType.trim());
    try {
      MaxComputeType type = parser.type();
      return parser.at == parser.text.length() ? type : primitive(Kind.STRING);
    } catch (IllegalArgumentException e) { // ENUM('a', ...), UNION(...): shown as text
      return primitive(Kind.STRING);
    }
  }

  private MaxComputeType type() {
    MaxComputeType type = base();
    // LIST is T[], the fixed-size ARRAY T[n]: both are MaxCompute's ARRAY
    while (accept('[')) {
      word();
      expect(']');
      type = new MaxComputeType.Array(type);
    }
    return type;
  }

  private MaxComputeType base() {
    String word = word().toUpperCase(Locale.ROOT);
    if (word.equals("STRUCT") && accept('(')) {
      List<MaxComputeType.Struct.Field> fields = new ArrayList<>();
      do {
        String name = name();
        fields.add(new MaxComputeType.Struct.Field(name, type()));
      } while (accept(','));
      expect(')');
      return new MaxComputeType.Struct(fields);
    }
    if (word.equals("MAP") && accept('(')) {
      MaxComputeType key = type();
      expect(',');
      MaxComputeType value = type();
      expect(')');
      return new MaxComputeType.MapOf(key, value);
    }
    if (word.equals("DECIMAL") && accept('(')) {
      int precision = Integer.parseInt(word());
      expect(',');
      int scale = Integer.parseInt(word());
      expect(')');
      return new MaxComputeType.Decimal(precision, scale, false);
    }
    // multi-word names: TIMESTAMP WITH TIME ZONE
    while (at < text.length() && text.charAt(at) == ' ' && Character.isLetter(peekAfterSpaces())) {
      word = word + " " + word().toUpperCase(Locale.ROOT);
    }
    return scalar(word);
  }

  private static MaxComputeType scalar(String word) {
    return switch (word) {
      case "BIGINT", "INT8", "LONG" -> primitive(Kind.BIGINT);
      case "INTEGER", "INT4", "INT" -> primitive(Kind.INT);
      case "SMALLINT", "INT2", "UTINYINT" -> primitive(Kind.SMALLINT);
      case "TINYINT", "INT1" -> primitive(Kind.TINYINT);
      case "USMALLINT" -> primitive(Kind.INT);
      case "UINTEGER" -> primitive(Kind.BIGINT);
      case "UBIGINT", "HUGEINT", "UHUGEINT" -> new MaxComputeType.Decimal(38, 0, false);
      case "DOUBLE", "FLOAT8" -> primitive(Kind.DOUBLE);
      case "FLOAT", "REAL", "FLOAT4" -> primitive(Kind.FLOAT);
      case "BOOLEAN", "BOOL" -> primitive(Kind.BOOLEAN);
      case "BLOB", "BYTEA" -> primitive(Kind.BINARY);
      case "DATE" -> primitive(Kind.DATE);
      case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ", "TIMESTAMP_MS", "TIMESTAMP_S" -> primitive(Kind.DATETIME);
      case "TIMESTAMP_NS" -> primitive(Kind.TIMESTAMP);
      case "JSON" -> primitive(Kind.JSON);
      default -> primitive(Kind.STRING);
    };
  }

  private static Primitive primitive(Kind kind) {
    return new Primitive(kind);
  }

  /** A struct field name: bare, or double-quoted with doubled quotes. */
  private String name() {
    skipSpaces();
    if (!accept('"')) {
      return word();
    }
    StringBuilder b = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        if (at < text.length() && text.charAt(at) == '"') {
          at++;
        } else {
          return b.toString();
        }
      }
      b.append(c);
    }
    throw new IllegalArgumentException("Unterminated name in DuckDB type " + text);
  }

  private String word() {
    skipSpaces();
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    return text.substring(start, at);
  }

  private char peekAfterSpaces() {
    int i = at;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() ? text.charAt(i) : ' ';
  }

  private boolean accept(char c) {
    skipSpaces();
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw new IllegalArgumentException("Expected '" + c + "' at " + at + " in DuckDB type " + text);
    }
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }
}
