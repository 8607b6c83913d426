package dev.mcsink.localmc.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.types.MaxComputeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact JSON text for ARRAY/MAP/STRUCT values. Chosen so that every Java value of the convention
 * comes back equal, and so that DuckDB can cast the text to a LIST/MAP/STRUCT for SQL:
 * integers and finite floating point as JSON numbers (Java's shortest round-trip text), NaN and
 * infinities as the strings "NaN"/"Infinity"/"-Infinity", DECIMAL as a plain string, BINARY as
 * base64, DATE as yyyy-MM-dd, DATETIME as "yyyy-MM-dd HH:mm:ss.SSS" (UTC), TIMESTAMP and
 * TIMESTAMP_NTZ as ISO-8601 with nanoseconds, INTERVAL_DAY_TIME as ISO-8601 duration,
 * MAP as a JSON object (keys in their text form, insertion order kept), STRUCT as an object by field name.
 */
final class NestedValueJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter DATETIME_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private NestedValueJson() {}

  static String encode(MaxComputeType type, Object value) {
    return toNode(type, value).toString();
  }

  static Object decode(MaxComputeType type, String text) {
    try {
      return fromNode(type, MAPPER.readTree(text));
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt nested value '" + text + "' for " + type.typeName(), e);
    }
  }

  private static JsonNode toNode(MaxComputeType type, Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    switch (type.kind()) {
      case ARRAY: {
        ArrayNode array = NODES.arrayNode();
        MaxComputeType element = ((MaxComputeType.Array) type).element();
        for (Object item : (List<?>) value) {
          array.add(toNode(element, item));
        }
        return array;
      }
      case MAP: {
        MaxComputeType.MapOf mapType = (MaxComputeType.MapOf) type;
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          if (e.getKey() == null) {
            throw new IllegalArgumentException("MAP keys cannot be null");
          }
          object.set(keyText(mapType.key(), e.getKey()), toNode(mapType.value(), e.getValue()));
        }
        return object;
      }
      case STRUCT: {
        List<MaxComputeType.Struct.Field> fields = ((MaxComputeType.Struct) type).fields();
        List<?> values = (List<?>) value;
        if (values.size() != fields.size()) {
          throw new IllegalArgumentException("STRUCT value has " + values.size() + " fields, "
              + type.typeName() + " has " + fields.size());
        }
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < fields.size(); i++) {
          object.set(fields.get(i).name(), toNode(fields.get(i).type(), values.get(i)));
        }
        return object;
      }
      case BIGINT, INTERVAL_YEAR_MONTH:
        return NODES.numberNode(((Number) value).longValue());
      case INT:
        return NODES.numberNode(((Number) value).intValue());
      case SMALLINT:
        return NODES.numberNode(((Number) value).shortValue());
      case TINYINT:
        return NODES.numberNode(((Number) value).byteValue());
      case DOUBLE: {
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
      }
      case FLOAT: {
        float f = ((Number) value).floatValue();
        return Float.isFinite(f) ? NODES.numberNode(f) : NODES.textNode(Float.toString(f));
      }
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      default:
        return NODES.textNode(scalarText(type, value));
    }
  }

  /** Text of a scalar that JSON has no native form for (also used for MAP keys). */
  private static String scalarText(MaxComputeType type, Object value) {
    return switch (type.kind()) {
      case STRING, VARCHAR, CHAR, JSON -> (String) value;
      case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case DATE -> ((LocalDate) value).toString();
      case DATETIME -> DATETIME_UTC.format((Instant) value);
      case TIMESTAMP -> ((Instant) value).toString();
      case TIMESTAMP_NTZ -> ((LocalDateTime) value).toString();
      case INTERVAL_DAY_TIME -> ((Duration) value).toString();
      default -> String.valueOf(value);
    };
  }

  private static String keyText(MaxComputeType keyType, Object key) {
    return switch (keyType.kind()) {
      case BIGINT, INT, SMALLINT, TINYINT, DOUBLE, FLOAT, BOOLEAN, INTERVAL_YEAR_MONTH -> key.toString();
      default -> scalarText(keyType, key);
    };
  }

  private static Object fromNode(MaxComputeType type, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    switch (type.kind()) {
      case ARRAY: {
        MaxComputeType element = ((MaxComputeType.Array) type).element();
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(fromNode(element, item));
        }
        return list;
      }
      case MAP: {
        MaxComputeType.MapOf mapType = (MaxComputeType.MapOf) type;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(fromText(mapType.key(), e.getKey()), fromNode(mapType.value(), e.getValue()));
        }
        return map;
      }
      case STRUCT: {
        List<Object> values = new ArrayList<>();
        for (MaxComputeType.Struct.Field field : ((MaxComputeType.Struct) type).fields()) {
          values.add(fromNode(field.type(), node.get(field.name())));
        }
        return values;
      }
      case BOOLEAN:
        return node.booleanValue();
      default:
        return fromText(type, node.isTextual() ? node.textValue() : node.asText());
    }
  }

  private static Object fromText(MaxComputeType type, String text) {
    return switch (type.kind()) {
      case BIGINT, INTERVAL_YEAR_MONTH -> Long.parseLong(text);
      case INT -> Integer.parseInt(text);
      case SMALLINT -> Short.parseShort(text);
      case TINYINT -> Byte.parseByte(text);
      case DOUBLE -> Double.parseDouble(text);
      case FLOAT -> Float.parseFloat(text);
      case BOOLEAN -> Boolean.parseBoolean(text);
      case STRING, VARCHAR, CHAR, JSON -> text;
      case BINARY -> Base64.getDecoder().decode(text);
      case DECIMAL -> new BigDecimal(text);
      case DATE -> LocalDate.parse(text);
      case DATETIME -> Instant.from(DATETIME_UTC.parse(text));
      case TIMESTAMP -> Instant.parse(text);
      case TIMESTAMP_NTZ -> LocalDateTime.parse(text);
      case INTERVAL_DAY_TIME -> Duration.parse(text);
      case ARRAY, MAP, STRUCT -> throw new IllegalStateException("nested type as a MAP key: " + type.typeName());
    };
  }
}
