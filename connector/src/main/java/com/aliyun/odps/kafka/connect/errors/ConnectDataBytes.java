package com.aliyun.odps.kafka.connect.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns a key, value or header as a sink task sees it (already converted by the worker's
 * converters) back into bytes for the error topic. The task never sees the consumer's bytes, so
 * this is a faithful re-serialization, exact for the converters the product document uses:
 * <ul>
 *   <li>{@code null} stays {@code null} (a tombstone stays a tombstone);
 *   <li>{@code byte[]} and {@code ByteBuffer} as they are (ByteArrayConverter: the original bytes);
 *   <li>{@code String} as UTF-8 (StringConverter: the original bytes);
 *   <li>anything else ({@code Struct}, {@code Map}, {@code List}, numbers, booleans) as JSON text.
 *       A {@code Struct} becomes an object of its fields in schema order; nested bytes become
 *       base64 strings, decimals JSON numbers and Connect dates/times epoch milliseconds (Jackson's
 *       defaults). JsonConverter input thus comes back as equivalent JSON, not byte-identical.
 * </ul>
 */
final class ConnectDataBytes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConnectDataBytes() {
  }

  static byte[] of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof ByteBuffer) {
      return copy((ByteBuffer) value);
    }
    if (value instanceof String) {
      return ((String) value).getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(plain(value));
    } catch (JsonProcessingException e) {
      throw new DataException("cannot serialize a " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** Replaces Connect's own containers by maps and lists Jackson knows how to write. */
  private static Object plain(Object value) {
    if (value instanceof Struct) {
      Struct struct = (Struct) value;
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Field field : struct.schema().fields()) {
        fields.put(field.name(), plain(struct.get(field)));
      }
      return fields;
    }
    if (value instanceof Map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        // JSON object keys are text; Connect maps may have typed keys.
        entries.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return entries;
    }
    if (value instanceof List) {
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(plain(item));
      }
      return items;
    }
    if (value instanceof ByteBuffer) {
      return copy((ByteBuffer) value);
    }
    return value;
  }

  private static byte[] copy(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
