package com.aliyun.odps.kafka.connect.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;

/**
 * Turns Connect data (Struct, Map, List, logical types, ByteBuffer) into the plain Java values the
 * converters share with parsed JSON text: LinkedHashMap (Struct fields in schema order), ArrayList,
 * byte[], BigDecimal (Decimal), LocalDate (Date), LocalTime (Time), Instant (Timestamp, and a
 * schemaless java.util.Date). Everything else passes through unchanged.
 */
final class ConnectValueNormalizer {
  private ConnectValueNormalizer() {
  }

  static Object normalize(Object value, Schema schema) {
    if (value == null) {
      return null;
    }
    if (value instanceof Struct) {
      Struct struct = (Struct) value;
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Field field : struct.schema().fields()) {
        fields.put(field.name(), normalize(struct.get(field), field.schema()));
      }
      return fields;
    }
    String logical = schema == null ? null : schema.name();
    if (value instanceof Date) {
      Instant instant = ((Date) value).toInstant();
      if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.toEpochMilli(), 86_400_000L));
      }
      if (Time.LOGICAL_NAME.equals(logical)) {
        return LocalTime.ofNanoOfDay(Math.floorMod(instant.toEpochMilli(), 86_400_000L) * 1_000_000L);
      }
      // Timestamp.LOGICAL_NAME, or a schemaless Date: a moment.
      return instant;
    }
    if (value instanceof BigDecimal || Decimal.LOGICAL_NAME.equals(logical)) {
      return value;
    }
    if (value instanceof ByteBuffer) {
      return MessageText.bytesOf((ByteBuffer) value);
    }
    if (value instanceof Map) {
      boolean typed = schema != null && schema.type() == Schema.Type.MAP;
      Schema keySchema = typed ? schema.keySchema() : null;
      Schema valueSchema = typed ? schema.valueSchema() : null;
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        entries.put(normalize(entry.getKey(), keySchema), normalize(entry.getValue(), valueSchema));
      }
      return entries;
    }
    if (value instanceof List) {
      Schema elementSchema = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
      List<Object> elements = new ArrayList<>();
      for (Object element : (List<?>) value) {
        elements.add(normalize(element, elementSchema));
      }
      return elements;
    }
    return value;
  }
}
