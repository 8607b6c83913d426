package com.aliyun.odps.kafka.connect.partition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The value of one record, read by field path (dots between levels): a Connect {@link Struct}, a
 * map (the schemaless JSON converter), or JSON text of an object (String, UTF-8 bytes, ByteBuffer),
 * parsed once, when a field is first read. Not thread-safe: one per record.
 */
final class RecordValue {
  // Decimals as written: a field 1.50 becomes the partition value 1.50, not 1.5 or a double's digits.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();
  /** What a level without the named field gives, told apart from a field that is null. */
  private static final Object MISSING = new Object();

  private final Object value;
  private Object root;
  private boolean rootRead;

  RecordValue(Object value) {
    this.value = value;
  }

  /**
   * The field at {@code path}: null, a String, Number, Boolean, {@link java.util.Date}, a
   * {@link LocalDate} (a Connect Date is a calendar day, not an instant), or a nested value as it is.
   *
   * @throws PartitionValueException naming {@code column} when the value has no such field
   */
  Object field(String path, String column) {
    Object current = root(path, column);
    for (String name : path.split("\\.")) {
      current = child(current, name);
      if (current == MISSING) {
        throw new PartitionValueException(column, "field " + path + " is missing from the value");
      }
    }
    return current instanceof JsonNode ? scalarOf((JsonNode) current) : current;
  }

  private Object root(String path, String column) {
    if (!rootRead) {
      root = parsed(path, column);
      rootRead = true;
    }
    return root;
  }

  private Object parsed(String path, String column) {
    if (value == null || value instanceof Struct || value instanceof Map) {
      return value;
    }
    JsonNode tree = null;
    try {
      if (value instanceof String) {
        tree = JSON.readTree((String) value);
      } else if (value instanceof byte[]) {
        tree = JSON.readTree((byte[]) value);
      } else if (value instanceof ByteBuffer) {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        tree = JSON.readTree(bytes);
      } else {
        throw new PartitionValueException(column, "field " + path + " cannot be read: the value is a "
            + value.getClass().getSimpleName() + ", not a Struct, a map or JSON text of an object");
      }
    } catch (IOException e) {
      // reported below: text that is not JSON and JSON that is not an object are the same mistake
    }
    if (tree == null || !tree.isObject()) {
      throw new PartitionValueException(column, "field " + path + " cannot be read: the value is not JSON text of an object");
    }
    return tree;
  }

  private static Object child(Object parent, String name) {
    if (parent instanceof Struct) {
      Struct struct = (Struct) parent;
      Field field = struct.schema().field(name);
      if (field == null) {
        return MISSING;
      }
      Object child = struct.get(field);
      return child != null && isConnectDate(field.schema())
          ? LocalDate.ofInstant(((java.util.Date) child).toInstant(), ZoneOffset.UTC) : child;
    }
    if (parent instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) parent;
      return map.containsKey(name) ? map.get(name) : MISSING;
    }
    if (parent instanceof JsonNode && ((JsonNode) parent).isObject()) {
      JsonNode child = ((JsonNode) parent).get(name);
      return child == null ? MISSING : child;
    }
    return MISSING; // a null or a scalar level has no fields
  }

  private static boolean isConnectDate(Schema schema) {
    return org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(schema.name());
  }

  /** A JSON leaf as Java: text, a number, a boolean or null; objects and arrays stay nodes. */
  private static Object scalarOf(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node;
  }
}
