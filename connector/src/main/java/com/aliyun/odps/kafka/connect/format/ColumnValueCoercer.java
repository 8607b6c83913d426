package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.AbstractCharTypeInfo;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.DecimalTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain Java value (parsed JSON, a schemaless map, or normalized Connect data) to the Java value
 * the SDK's {@code Record} expects for a column type, checked against the type.
 *
 * <ul>
 *   <li>Numbers go into numeric columns when they fit exactly (integers: no fraction, in range;
 *       DECIMAL: see {@link ColumnValueParser}); strings into non-text columns are parsed by
 *       {@link ColumnValueParser}.</li>
 *   <li>Integral numbers into DATETIME/TIMESTAMP are epoch milliseconds; into TIMESTAMP_NTZ epoch
 *       milliseconds read as UTC wall time; a Connect Timestamp (Instant) into TIMESTAMP_NTZ is
 *       likewise its UTC wall time.</li>
 *   <li>STRING/VARCHAR/CHAR take text, numbers and booleans as text, objects and arrays as
 *       compact JSON text, bytes as UTF-8 text, dates and times as ISO-8601.</li>
 *   <li>JSON takes any value; a string becomes a JSON string.</li>
 *   <li>ARRAY takes a list, MAP a map, STRUCT a map (or Struct) whose field names match the
 *       struct's case-insensitively (missing fields are NULL, unknown fields are rejected);
 *       elements are converted with the same rules.</li>
 *   <li>BINARY takes bytes, or text as its UTF-8 bytes.</li>
 * </ul>
 */
final class ColumnValueCoercer {
  private final ColumnValueParser parser;
  private final ZoneId zone;

  ColumnValueCoercer(ColumnValueParser parser, ZoneId zone) {
    this.parser = parser;
    this.zone = zone;
  }

  /**
   * @param path the column, or a path inside it such as {@code tags[2]} or {@code address.city},
   *     for the error message
   */
  Object coerce(Object value, TypeInfo type, String path) {
    if (value == null) {
      return null;
    }
    switch (type.getOdpsType()) {
      case BIGINT:
        return integral(value, type, path).longValue();
      case INT:
        return integral(value, type, path).intValue();
      case SMALLINT:
        return integral(value, type, path).shortValue();
      case TINYINT:
        return integral(value, type, path).byteValue();
      case DOUBLE:
        return floating(value, type, path);
      case FLOAT:
        return floatValue(value, type, path);
      case DECIMAL:
        return decimal(value, (DecimalTypeInfo) type, path);
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        if (value instanceof String) {
          return parser.parse((String) value, type, path);
        }
        throw wrongKind(value, type, path);
      case STRING:
        return text(value, type, path);
      case VARCHAR:
        return parser.parse(text(value, type, path), type, path);
      case CHAR:
        return parser.parse(text(value, type, path), type, path);
      case BINARY:
        if (value instanceof byte[]) {
          return new Binary((byte[]) value);
        }
        if (value instanceof String) {
          return new Binary(((String) value).getBytes(StandardCharsets.UTF_8));
        }
        throw wrongKind(value, type, path);
      case JSON:
        return JsonCodec.checkedWrite(value, "column '" + path + "'");
      case DATE:
        if (value instanceof LocalDate) {
          return value;
        }
        if (value instanceof String) {
          return parser.parse((String) value, type, path);
        }
        throw wrongKind(value, type, path);
      case DATETIME:
        if (value instanceof Instant) {
          return ((Instant) value).atZone(zone);
        }
        if (value instanceof ZonedDateTime) {
          return value;
        }
        if (isIntegral(value)) {
          return Instant.ofEpochMilli(epochMillis(value, type, path)).atZone(zone);
        }
        if (value instanceof String) {
          return parser.parse((String) value, type, path);
        }
        throw wrongKind(value, type, path);
      case TIMESTAMP:
        if (value instanceof Instant) {
          return value;
        }
        if (value instanceof ZonedDateTime) {
          return ((ZonedDateTime) value).toInstant();
        }
        if (isIntegral(value)) {
          return Instant.ofEpochMilli(epochMillis(value, type, path));
        }
        if (value instanceof String) {
          return parser.parse((String) value, type, path);
        }
        throw wrongKind(value, type, path);
      case TIMESTAMP_NTZ:
        if (value instanceof LocalDateTime) {
          return value;
        }
        if (value instanceof Instant) {
          return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        }
        if (isIntegral(value)) {
          return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis(value, type, path)), ZoneOffset.UTC);
        }
        if (value instanceof String) {
          return parser.parse((String) value, type, path);
        }
        throw wrongKind(value, type, path);
      case ARRAY:
        return array(value, (ArrayTypeInfo) type, path);
      case MAP:
        return map(value, (MapTypeInfo) type, path);
      case STRUCT:
        return struct(value, (StructTypeInfo) type, path);
      default:
        throw ColumnErrors.of(path, type, "this column type is not supported by the connector");
    }
  }

  private BigInteger integral(Object value, TypeInfo type, String path) {
    if (value instanceof String) {
      return BigInteger.valueOf(((Number) parser.parse((String) value, type, path)).longValue());
    }
    if (!(value instanceof Number)) {
      throw wrongKind(value, type, path);
    }
    BigDecimal exact = exactDecimal((Number) value, type, path);
    BigInteger integer;
    try {
      integer = exact.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw ColumnErrors.of(path, type, exact.toPlainString() + " is not an integer");
    }
    return ColumnValueParser.inRange(integer, type, path);
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger;
  }

  private static long epochMillis(Object value, TypeInfo type, String path) {
    try {
      return value instanceof BigInteger ? ((BigInteger) value).longValueExact() : ((Number) value).longValue();
    } catch (ArithmeticException e) {
      throw ColumnErrors.of(path, type, value + " is out of range for epoch milliseconds");
    }
  }

  private static BigDecimal exactDecimal(Number number, TypeInfo type, String path) {
    if (number instanceof BigDecimal) {
      return (BigDecimal) number;
    }
    if (number instanceof BigInteger) {
      return new BigDecimal((BigInteger) number);
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw ColumnErrors.of(path, type, d + " is not a finite number");
      }
      // valueOf uses the shortest decimal form, so 0.1 stays 0.1 rather than its binary expansion.
      return number instanceof Float ? new BigDecimal(Float.toString(number.floatValue())) : BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(number.longValue());
  }

  private Object floating(Object value, TypeInfo type, String path) {
    if (value instanceof String) {
      return parser.parse((String) value, type, path);
    }
    if (!(value instanceof Number)) {
      throw wrongKind(value, type, path);
    }
    double d = ((Number) value).doubleValue();
    if (Double.isInfinite(d) && !(value instanceof Double || value instanceof Float)) {
      throw ColumnErrors.of(path, type, value + " is out of range");
    }
    return d;
  }

  private Object floatValue(Object value, TypeInfo type, String path) {
    if (value instanceof String) {
      return parser.parse((String) value, type, path);
    }
    if (!(value instanceof Number)) {
      throw wrongKind(value, type, path);
    }
    double d = ((Number) value).doubleValue();
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw ColumnErrors.of(path, type, value + " is out of range");
    }
    return f;
  }

  private Object decimal(Object value, DecimalTypeInfo type, String path) {
    if (value instanceof String) {
      return parser.parse((String) value, type, path);
    }
    if (!(value instanceof Number)) {
      throw wrongKind(value, type, path);
    }
    return ColumnValueParser.fitDecimal(exactDecimal((Number) value, type, path), type, path);
  }

  private static String text(Object value, TypeInfo type, String path) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof byte[]) {
      return MessageText.decodeUtf8((byte[]) value, "column '" + path + "'");
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof Map || value instanceof Collection) {
      return JsonCodec.write(value, "column '" + path + "'");
    }
    throw wrongKind(value, type, path);
  }

  private List<Object> array(Object value, ArrayTypeInfo type, String path) {
    if (!(value instanceof Collection)) {
      throw wrongKind(value, type, path);
    }
    List<Object> elements = new ArrayList<>();
    int i = 0;
    for (Object element : (Collection<?>) value) {
      elements.add(coerce(element, type.getElementTypeInfo(), path + "[" + i + "]"));
      i++;
    }
    return elements;
  }

  private Map<Object, Object> map(Object value, MapTypeInfo type, String path) {
    if (!(value instanceof Map)) {
      throw wrongKind(value, type, path);
    }
    Map<Object, Object> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      if (entry.getKey() == null) {
        throw ColumnErrors.of(path, type, "a map key is null");
      }
      Object key = coerce(entry.getKey(), type.getKeyTypeInfo(), path + "{key}");
      entries.put(key, coerce(entry.getValue(), type.getValueTypeInfo(), path + "[" + entry.getKey() + "]"));
    }
    return entries;
  }

  private SimpleStruct struct(Object value, StructTypeInfo type, String path) {
    if (!(value instanceof Map)) {
      throw wrongKind(value, type, path);
    }
    List<String> names = type.getFieldNames();
    Map<String, Integer> indexByLowerName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      indexByLowerName.put(TableColumns.lower(names.get(i)), i);
    }
    Object[] fields = new Object[names.size()];
    boolean[] seen = new boolean[names.size()];
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      String name = String.valueOf(entry.getKey());
      Integer i = indexByLowerName.get(TableColumns.lower(name));
      if (i == null) {
        throw ColumnErrors.of(path, type, "the struct has no field '" + name + "'");
      }
      if (seen[i]) {
        throw ColumnErrors.of(path, type, "field '" + names.get(i) + "' is given twice (names differ only in case)");
      }
      seen[i] = true;
      fields[i] = coerce(entry.getValue(), type.getFieldTypeInfos().get(i), path + "." + names.get(i));
    }
    return new SimpleStruct(type, new ArrayList<>(Arrays.asList(fields)));
  }

  private static RecordConversionException wrongKind(Object value, TypeInfo type, String path) {
    return ColumnErrors.of(path, type, "cannot take a " + kind(value));
  }

  /** What the value is, in user terms (never its content, which could be large). */
  static String kind(Object value) {
    if (value instanceof Map) {
      return "JSON object / struct";
    }
    if (value instanceof Collection) {
      return "JSON array / list";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Number) {
      return "number (" + value + ")";
    }
    if (value instanceof byte[]) {
      return "byte array";
    }
    return value.getClass().getSimpleName();
  }
}
