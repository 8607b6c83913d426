package dev.mcsink.localmc.sql;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A query result as the CSV text {@code SQLTask.getResult} parses (javacsv: ',' separated, '"'
 * quoted with doubled quotes, surrounding blanks trimmed unless quoted): a header of column names,
 * then one line per row, {@code \N} for NULL, values in MaxCompute's text form:
 * BOOLEAN true/false; DOUBLE/FLOAT as Java prints them; DECIMAL plain; DATE yyyy-MM-dd;
 * DATETIME (stored as TIMESTAMP) "yyyy-MM-dd HH:mm:ss" in the SQL time zone; TIMESTAMP and
 * TIMESTAMP_NTZ (TIMESTAMP_NS) "yyyy-MM-dd HH:mm:ss[.fraction]" as stored (UTC);
 * BINARY quoted-printable as MaxCompute's Binary prints it; ARRAY {@code [a, b]},
 * MAP {@code {k:v, k2:v2}}, STRUCT {@code {a:1, b:x}} (MaxCompute's human-readable form, NULL inside).
 * Unnamed expressions are named {@code _c<index>} as MaxCompute does; names are lower-case.
 * {@link CsvResultText} writes the text row by row.
 */
final class CsvResultFormatter {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

  private final ZoneId zone;

  CsvResultFormatter(ZoneId zone) {
    this.zone = zone;
  }

  /** MaxCompute's name of a result column: the name in lower case, {@code _c<index>} for an expression. */
  static String columnName(String duckDbName, int index) {
    return PLAIN_NAME.matcher(duckDbName).matches() ? duckDbName.toLowerCase(Locale.ROOT) : "_c" + index;
  }

  /** A value's text as a query result shows it; an INSERT into a STRING column writes the same. */
  String cell(ResultSet rs, int index, String duckType) throws SQLException {
    String type = duckType.toUpperCase(Locale.ROOT);
    if (type.equals("TIMESTAMP") || type.equals("TIMESTAMP_NS") || type.equals("TIMESTAMP_MS")
        || type.equals("TIMESTAMP_S")) {
      LocalDateTime value = rs.getObject(index, LocalDateTime.class);
      if (value == null) {
        return "\\N";
      }
      if (type.equals("TIMESTAMP")) { // DATETIME: an instant, shown in the SQL time zone
        return DATETIME.format(value.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone));
      }
      return TIMESTAMP.format(value);
    }
    if (type.startsWith("TIMESTAMP WITH TIME ZONE")) {
      OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
      return value == null ? "\\N" : TIMESTAMP.format(value.atZoneSameInstant(zone));
    }
    if (type.equals("BLOB")) {
      byte[] bytes = rs.getBytes(index);
      return bytes == null ? "\\N" : quotedPrintable(bytes);
    }
    Object value = rs.getObject(index);
    return value == null ? "\\N" : text(value, true);
  }

  /** MaxCompute's text of a value; nested NULLs print as NULL. */
  private String text(Object value, boolean topLevel) throws SQLException {
    if (value == null) {
      return topLevel ? "\\N" : "NULL";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return DATE.format(d);
    }
    if (value instanceof Timestamp t) {
      return TIMESTAMP.format(t.toLocalDateTime());
    }
    if (value instanceof LocalDateTime t) {
      return TIMESTAMP.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return TIMESTAMP.format(t.atZoneSameInstant(zone));
    }
    if (value instanceof byte[] bytes) {
      return quotedPrintable(bytes);
    }
    if (value instanceof Blob blob) {
      return quotedPrintable(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return quotedPrintable(bytes);
    }
    if (value instanceof Array array) {
      Object[] items = (Object[]) array.getArray();
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < items.length; i++) {
        b.append(i > 0 ? ", " : "").append(text(items[i], false));
      }
      return b.append(']').toString();
    }
    if (value instanceof org.duckdb.DuckDBStruct struct) {
      return entries(struct.getMap());
    }
    if (value instanceof Struct struct) {
      Object[] attributes = struct.getAttributes();
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < attributes.length; i++) {
        b.append(i > 0 ? ", " : "").append(text(attributes[i], false));
      }
      return b.append('}').toString();
    }
    if (value instanceof Map<?, ?> map) {
      return entries(map);
    }
    return value.toString();
  }

  private String entries(Map<?, ?> map) throws SQLException {
    StringBuilder b = new StringBuilder("{");
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      b.append(text(e.getKey(), false)).append(':').append(text(e.getValue(), false));
      if (it.hasNext()) {
        b.append(", ");
      }
    }
    return b.append('}').toString();
  }

  /** Printable ASCII except '=' and '|' kept, other bytes as =XX (MaxCompute's Binary text). */
  static String quotedPrintable(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length);
    for (byte raw : bytes) {
      int v = raw & 0xFF;
      boolean printable = (v >= 33 && v <= 126) && v != '=' && v != '|';
      if (printable) {
        b.append((char) v);
      } else {
        b.append('=').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
      }
    }
    return b.toString();
  }

  /** Quotes a field when javacsv would otherwise split, unquote or trim it. */
  static String csvField(String value) {
    // an empty field is quoted too: a one-column row of "" would otherwise be an empty line, which javacsv skips
    boolean quote = value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0 || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
