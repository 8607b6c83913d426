package dev.mcsink.conformance;

import com.aliyun.odps.data.AbstractChar;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.JsonValue;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a value as the SDK holds it (written by the test or decoded by a reader) to a plain Java
 * value whose {@code equals} means "the same MaxCompute value". The SDK represents one value in
 * several ways (a STRING read back is a byte[], a DATETIME a ZonedDateTime in the JVM's zone, a
 * DATE a LocalDate or a java.sql.Date), so exact comparison has to go through one form.
 */
final class ComparableValue {
  private ComparableValue() {
  }

  static Object of(TypeInfo type, Object value) {
    if (value == null) {
      return null;
    }
    switch (type.getOdpsType()) {
      case STRING:
        return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : value;
      case VARCHAR:
      case CHAR:
        return value instanceof AbstractChar ? ((AbstractChar) value).getValue() : value.toString();
      case JSON:
        return value instanceof JsonValue ? value.toString() : value;
      case BINARY:
        return value instanceof byte[] ? new Binary((byte[]) value) : (Binary) value;
      case DECIMAL:
        // DECIMAL(p,s) is a number: 1.50 and 1.5 are the same value; the scale is the column's.
        BigDecimal d = (BigDecimal) value;
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      case DATETIME:
        if (value instanceof ZonedDateTime) {
          return ((ZonedDateTime) value).toInstant();
        }
        return Instant.ofEpochMilli(((Date) value).getTime());
      case DATE:
        return value instanceof java.sql.Date ? ((java.sql.Date) value).toLocalDate() : (LocalDate) value;
      case TIMESTAMP:
        return value instanceof Timestamp ? ((Timestamp) value).toInstant() : (Instant) value;
      case ARRAY: {
        TypeInfo element = ((ArrayTypeInfo) type).getElementTypeInfo();
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
          out.add(of(element, o));
        }
        return out;
      }
      case MAP: {
        MapTypeInfo mapType = (MapTypeInfo) type;
        Map<Object, Object> out = new HashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          out.put(of(mapType.getKeyTypeInfo(), e.getKey()), of(mapType.getValueTypeInfo(), e.getValue()));
        }
        return out;
      }
      case STRUCT: {
        StructTypeInfo structType = (StructTypeInfo) type;
        Struct struct = (Struct) value;
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < structType.getFieldCount(); i++) {
          out.add(of(structType.getFieldTypeInfos().get(i), struct.getFieldValue(i)));
        }
        return out;
      }
      default:
        // BIGINT Long, INT Integer, SMALLINT Short, TINYINT Byte, DOUBLE Double (equals treats
        // NaN as NaN and keeps -0.0 apart from 0.0), FLOAT Float, BOOLEAN, TIMESTAMP_NTZ LocalDateTime.
        return value;
    }
  }
}
