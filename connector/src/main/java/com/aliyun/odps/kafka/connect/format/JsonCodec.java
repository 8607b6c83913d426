package com.aliyun.odps.kafka.connect.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * JSON text in and out for the formats: strict parsing (one complete document, no duplicate keys,
 * decimals kept exact) and compact writing of the plain Java values the converters work with
 * ({@link ConnectValueNormalizer} turns Connect data into those first).
 */
final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  /** Reads one value where a parser stands, the rest of the document left to the caller. */
  private static final ObjectReader VALUE_READER =
      MAPPER.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonCodec() {
  }

  /**
   * Parses one JSON document into plain Java: LinkedHashMap, ArrayList, String, Boolean,
   * Integer/Long/BigInteger, BigDecimal, or null for the JSON literal null.
   *
   * @param what names the text in the error message, e.g. "value" or "column 'c'"
   */
  static Object parse(String text, String what) {
    requireDocument(text, what);
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw invalid(what, e);
    }
  }

  /**
   * Visits the fields of {@code text} when it is a JSON object, reading it strictly as {@link #parse}
   * does, without building the object: each field's value is read by the visitor from the parser,
   * which stands on the value's first token ({@link #readValue}, {@link #copyValue}).
   *
   * @return false, having visited nothing, when the text is not a JSON object (or no JSON at all)
   * @throws RecordConversionException when the text is not valid JSON, or as the visitor does
   */
  static boolean forEachField(String text, String what, FieldVisitor visitor) {
    if (text.trim().isEmpty()) {
      return false;
    }
    return read(text, what, parser -> {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        parser.nextToken();
        visitor.visit(name, parser);
      }
      requireEnd(parser, what);
      return true;
    });
  }

  /** Reads one field's value of a JSON object. */
  @FunctionalInterface
  interface FieldVisitor {
    /** @param value stands on the value's first token; the visitor reads the whole value */
    void visit(String name, JsonParser value) throws IOException;
  }

  /** The value the parser stands on, as plain Java, as {@link #parse} would give it. */
  static Object readValue(JsonParser value) throws IOException {
    // A scalar is taken from its token as the mapper's untyped reader would take it; going through
    // the mapper for each costs more than reading the token itself.
    switch (value.currentToken()) {
      case VALUE_STRING:
        return value.getText();
      case VALUE_NUMBER_INT:
        return value.getNumberValue(); // Integer, Long or BigInteger, by size
      case VALUE_NUMBER_FLOAT:
        return value.getDecimalValue(); // USE_BIG_DECIMAL_FOR_FLOATS
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return VALUE_READER.readValue(value);
    }
  }

  /**
   * The object or array the parser stands on, as a JSON column's value: the text {@link #checkedWrite}
   * would write for it once parsed (compact, decimals as written, exact). The parser reads it
   * through (checking it as {@link #parse} would); when its text is already written that way, it is
   * taken as it stands, otherwise copied token by token instead of built and written again.
   *
   * @param source the whole text the parser reads
   */
  static CheckedJson copyValue(JsonParser value, String source) throws IOException {
    boolean object = value.currentToken() == JsonToken.START_OBJECT;
    int start = Math.toIntExact(value.currentTokenLocation().getCharOffset());
    value.skipChildren();
    String text = source.substring(start, Math.toIntExact(value.currentLocation().getCharOffset()));
    if (writtenAsIs(text)) {
      return new CheckedJson(text, object);
    }
    return new CheckedJson(compact(generator -> {
      try (JsonParser again = FACTORY.createParser(text)) {
        again.nextToken();
        copy(again, generator);
      }
    }), object);
  }

  /**
   * Whether {@link #copy} would write this valid JSON text unchanged: it holds no whitespace
   * between tokens, no escape (which the writer may spell differently), no exponent and no negative
   * zero (which the writer turns into plain digits).
   */
  static boolean writtenAsIs(String json) {
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        return false;
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && (c <= ' '
          || (c == 'e' || c == 'E') && i > 0 && Character.isDigit(json.charAt(i - 1))
          || c == '-' && isZero(json, i + 1))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the number from {@code start} (sign and exponent excluded) has no digit but 0. */
  private static boolean isZero(String json, int start) {
    int i = start;
    while (i < json.length() && (json.charAt(i) == '0' || json.charAt(i) == '.')) {
      i++;
    }
    return i > start && (i == json.length() || !Character.isDigit(json.charAt(i)));
  }

  private static void copy(JsonParser p, JsonGenerator g) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          g.writeFieldName(p.getCurrentName());
          p.nextToken();
          copy(p, g);
        }
        g.writeEndObject();
        break;
      case START_ARRAY:
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copy(p, g);
        }
        g.writeEndArray();
        break;
      case VALUE_STRING:
        g.writeString(p.getText());
        break;
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          g.writeNumber(p.getBigIntegerValue());
        } else {
          g.writeNumber(p.getLongValue());
        }
        break;
      case VALUE_NUMBER_FLOAT:
        g.writeNumber(p.getDecimalValue()); // parse keeps decimals exact (USE_BIG_DECIMAL_FOR_FLOATS)
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        g.writeBoolean(p.getBooleanValue());
        break;
      case VALUE_NULL:
        g.writeNull();
        break;
      default:
        throw new IllegalStateException("unexpected JSON token " + p.currentToken());
    }
  }

  /** Returns {@code text} unchanged when it is exactly one valid JSON document. */
  static String validate(String text, String what) {
    check(text, what);
    return text;
  }

  /** {@code text}, when it is exactly one valid JSON document, as a JSON column's value. */
  static CheckedJson checked(String text, String what) {
    return new CheckedJson(text, check(text, what) == JsonToken.START_OBJECT);
  }

  /** {@code value} written as JSON text, as a JSON column's value. */
  static CheckedJson checkedWrite(Object value, String what) {
    return new CheckedJson(write(value, what), value instanceof Map);
  }

  /**
   * Reads {@code text} through, building nothing: one document, no duplicate keys, nothing after
   * it (as the strict mapper would); returns its first token.
   */
  private static JsonToken check(String text, String what) {
    requireDocument(text, what);
    return read(text, what, parser -> {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new RecordConversionException(what + " is not valid JSON: no JSON value");
      }
      parser.skipChildren();
      requireEnd(parser, what);
      return first;
    });
  }

  /** What is done with a parser over a document. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(JsonParser parser) throws IOException;
  }

  /** Runs {@code reading} over a strict parser of {@code text}; Jackson's failures become "not valid JSON". */
  private static <T> T read(String text, String what, Reading<T> reading) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return reading.read(parser);
    } catch (JsonProcessingException e) {
      throw invalid(what, e);
    } catch (IOException e) {
      throw new RecordConversionException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** What is written with a generator. */
  @FunctionalInterface
  private interface Writing {
    void write(JsonGenerator generator) throws IOException;
  }

  /** The compact text {@code writing} makes, decimals written plain. */
  private static String compact(Writing writing) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      writing.write(generator);
    }
    return out.toString();
  }

  /** Nothing may follow the document's one value. */
  private static void requireEnd(JsonParser parser, String what) throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new RecordConversionException(what + " is not valid JSON: trailing token (" + after + ") after the value");
    }
  }

  private static void requireDocument(String text, String what) {
    if (text.trim().isEmpty()) {
      throw new RecordConversionException(what + " is not valid JSON: empty text");
    }
  }

  private static RecordConversionException invalid(String what, JsonProcessingException e) {
    // getOriginalMessage() leaves out Jackson's source excerpt, which could echo a huge payload.
    return new RecordConversionException(what + " is not valid JSON: " + e.getOriginalMessage());
  }

  /** Compact JSON text of a plain value; byte arrays become base64 strings, times ISO-8601 strings. */
  static String write(Object value, String what) {
    try {
      return compact(generator -> writeValue(generator, value, what));
    } catch (IOException e) {
      throw new RecordConversionException(what + " cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static void writeValue(JsonGenerator g, Object value, String what) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof BigDecimal) {
      g.writeNumber((BigDecimal) value);
    } else if (value instanceof BigInteger) {
      g.writeNumber((BigInteger) value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new RecordConversionException(what + " holds " + d + ", which JSON cannot represent");
      }
      if (value instanceof Float) {
        g.writeNumber((Float) value);
      } else {
        g.writeNumber(d);
      }
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof byte[]) {
      g.writeBinary((byte[]) value);
    } else if (value instanceof ByteBuffer) {
      g.writeBinary(MessageText.bytesOf((ByteBuffer) value));
    } else if (value instanceof TemporalAccessor) {
      g.writeString(value.toString());
    } else if (value instanceof Date) {
      g.writeString(((Date) value).toInstant().toString());
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getKey() == null) {
          throw new RecordConversionException(what + " has a map entry with a null key, which JSON cannot represent");
        }
        g.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(g, entry.getValue(), what);
      }
      g.writeEndObject();
    } else if (value instanceof Collection) {
      g.writeStartArray();
      for (Object element : (Collection<?>) value) {
        writeValue(g, element, what);
      }
      g.writeEndArray();
    } else {
      throw new RecordConversionException(
          what + " holds a " + value.getClass().getName() + ", which cannot be written as JSON");
    }
  }
}
