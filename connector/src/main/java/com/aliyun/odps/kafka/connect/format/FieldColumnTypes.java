package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The column type for a field of a created (or evolved) table: from the field's Connect schema when
 * there is one, else conservatively from its plain value. Every type is one {@link ColumnValueCoercer}
 * writes the field's values into; nested data is STRING holding JSON text, which takes any shape.
 */
final class FieldColumnTypes {
  private static final int MAX_DECIMAL_PRECISION = 38;
  /** MaxCompute's largest DECIMAL scale, and the scale when a Decimal's own does not fit. */
  private static final int MAX_DECIMAL_SCALE = 18;

  private FieldColumnTypes() {
  }

  /** @param schema the field's Connect schema, or null (schemaless: the type comes from the value) */
  static TypeInfo of(Schema schema, Object plainValue) {
    return schema == null ? ofValue(plainValue) : ofSchema(schema);
  }

  static TypeInfo ofSchema(Schema schema) {
    String logical = schema.name();
    if (Decimal.LOGICAL_NAME.equals(logical)) {
      return TypeInfoFactory.getDecimalTypeInfo(MAX_DECIMAL_PRECISION, decimalScale(schema));
    }
    if (Date.LOGICAL_NAME.equals(logical)) {
      return TypeInfoFactory.DATE;
    }
    if (Timestamp.LOGICAL_NAME.equals(logical)) {
      // DATETIME: millisecond precision, as a Connect Timestamp; written in the configured time zone.
      return TypeInfoFactory.DATETIME;
    }
    if (Time.LOGICAL_NAME.equals(logical)) {
      // A time of day has no MaxCompute type; its ISO-8601 text sorts and reads as one.
      return TypeInfoFactory.STRING;
    }
    switch (schema.type()) {
      case INT8:
        return TypeInfoFactory.TINYINT;
      case INT16:
        return TypeInfoFactory.SMALLINT;
      case INT32:
        return TypeInfoFactory.INT;
      case INT64:
        return TypeInfoFactory.BIGINT;
      case FLOAT32:
        return TypeInfoFactory.FLOAT;
      case FLOAT64:
        return TypeInfoFactory.DOUBLE;
      case BOOLEAN:
        return TypeInfoFactory.BOOLEAN;
      case BYTES:
        return TypeInfoFactory.BINARY;
      default:
        // STRING, and STRUCT, MAP, ARRAY as JSON text.
        return TypeInfoFactory.STRING;
    }
  }

  /** JSON text or a schemaless map: integral numbers BIGINT, other numbers DOUBLE, the rest as text. */
  static TypeInfo ofValue(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return TypeInfoFactory.BIGINT;
    }
    if (value instanceof Number) {
      return TypeInfoFactory.DOUBLE;
    }
    if (value instanceof Boolean) {
      return TypeInfoFactory.BOOLEAN;
    }
    if (value instanceof byte[]) {
      return TypeInfoFactory.BINARY;
    }
    if (value instanceof Instant) {
      return TypeInfoFactory.DATETIME;
    }
    if (value instanceof LocalDate) {
      return TypeInfoFactory.DATE;
    }
    // Text, objects and arrays (JSON text), null (nothing to go by), anything else.
    return TypeInfoFactory.STRING;
  }

  private static int decimalScale(Schema schema) {
    String scale = schema.parameters() == null ? null : schema.parameters().get(Decimal.SCALE_FIELD);
    try {
      int value = scale == null ? MAX_DECIMAL_SCALE : Integer.parseInt(scale.trim());
      return value >= 0 && value <= MAX_DECIMAL_SCALE ? value : MAX_DECIMAL_SCALE;
    } catch (NumberFormatException e) {
      return MAX_DECIMAL_SCALE;
    }
  }
}
