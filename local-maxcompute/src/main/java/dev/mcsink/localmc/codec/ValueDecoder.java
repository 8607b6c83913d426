package dev.mcsink.localmc.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.mcsink.localmc.types.MaxComputeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one value of a column type from the wire, feeds it into the record CRC the way the SDK does
 * and checks that it is a value MaxCompute would store. Returns the Java value of the
 * {@link MaxComputeType} convention. Nested values: ARRAY is a count then per element a null flag and
 * the value; MAP is a key array then a value array; STRUCT is per field a null flag and the value.
 * Counts and null flags are not part of the CRC; nested values are.
 */
final class ValueDecoder {
  /** MaxCompute's DATETIME range as the SDK enforces it (OdpsTypeTransformer). */
  static final long DATETIME_MIN_MILLIS = -62167305600000L;
  static final long DATETIME_MAX_MILLIS = 253402387200000L;
  /** DATE, TIMESTAMP and TIMESTAMP_NTZ: 0000-01-01 to 9999-12-31, as MaxCompute documents. */
  static final LocalDate MIN_DATE = LocalDate.of(0, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  private static final long MIN_EPOCH_SECOND = MIN_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_EPOCH_SECOND =
      MAX_DATE.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
  private static final int NANOS_PER_SECOND = 1_000_000_000;
  static final long MAX_INTERVAL_MONTHS = 9999L * 12 + 11;
  /** Far above any real decimal text; bounds the cost of rounding a forged value. */
  private static final int MAX_DECIMAL_INPUT_SCALE = 4096;
  private static final JsonFactory JSON = new JsonFactory();

  private final WireInput in;
  private final RecordChecksum crc;
  private final long maxFieldBytes;
  /** Whether a JSON value's text is parsed to check it (not for a stream this service checked before). */
  private final boolean parseJson;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  /** Nanos of the last {@link #readSecondsAndNanos}; avoids allocating a pair per value. */
  private int lastNanos;

  ValueDecoder(WireInput in, RecordChecksum crc, long maxFieldBytes, boolean parseJson) {
    this.in = in;
    this.crc = crc;
    this.maxFieldBytes = maxFieldBytes;
    this.parseJson = parseJson;
  }

  Object decode(MaxComputeType type) throws IOException {
    switch (type.kind()) {
      case BIGINT: {
        long v = readLong("BIGINT");
        if (v == Long.MIN_VALUE) {
          // MaxCompute's BIGINT range is [-2^63 + 1, 2^63 - 1]; the SDK refuses -2^63 client-side.
          throw new RecordStreamException("BIGINT value -9223372036854775808 is out of range");
        }
        return v;
      }
      case INT:
        return (int) readRanged("INT", Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SMALLINT:
        return (short) readRanged("SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
      case TINYINT:
        return (byte) readRanged("TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INTERVAL_YEAR_MONTH:
        // the SDK's IntervalYearMonth refuses more than 9999 years
        return readRanged("INTERVAL_YEAR_MONTH", -MAX_INTERVAL_MONTHS, MAX_INTERVAL_MONTHS);
      case BOOLEAN: {
        boolean v = readFlag("BOOLEAN");
        crc.updateBoolean(v);
        return v;
      }
      case DOUBLE: {
        long bits = in.readFixed64("DOUBLE");
        crc.updateLong(bits);
        return Double.longBitsToDouble(bits);
      }
      case FLOAT: {
        int bits = in.readFixed32("FLOAT");
        crc.updateInt(bits);
        return Float.intBitsToFloat(bits);
      }
      case STRING:
        return readText("STRING");
      case VARCHAR:
      case CHAR:
        return readChars((MaxComputeType.Chars) type);
      case JSON:
        return readJson();
      case BINARY:
        return readPayload("BINARY");
      case DECIMAL:
        return readDecimal((MaxComputeType.Decimal) type);
      case DATE:
        return readDate();
      case DATETIME:
        return readDatetime();
      case TIMESTAMP:
        return readTimestamp();
      case TIMESTAMP_NTZ:
        return readTimestampNtz();
      case INTERVAL_DAY_TIME:
        return readIntervalDayTime();
      case ARRAY:
        return readArray(((MaxComputeType.Array) type).element());
      case MAP:
        return readMap((MaxComputeType.MapOf) type);
      case STRUCT:
        return readStruct((MaxComputeType.Struct) type);
      default:
        throw new IllegalStateException("unhandled type " + type.typeName());
    }
  }

  private long readLong(String typeName) throws IOException {
    long v = in.readSInt64(typeName);
    crc.updateLong(v);
    return v;
  }

  private long readRanged(String typeName, long min, long max) throws IOException {
    long v = readLong(typeName);
    if (v < min || v > max) {
      throw new RecordStreamException(typeName + " value " + v + " is out of range [" + min + ", " + max + "]");
    }
    return v;
  }

  private boolean readFlag(String what) throws IOException {
    long v = in.readVarint64(what);
    if (v != 0 && v != 1) {
      throw new RecordStreamException(what + " must be encoded as 0 or 1, got " + v);
    }
    return v == 1;
  }

  /** Length-delimited bytes (fed raw into the CRC). */
  private byte[] readPayload(String typeName) throws IOException {
    int length = readPayloadLength(typeName);
    byte[] bytes = in.readBytes(length, typeName, "value");
    crc.updateBytes(bytes);
    return bytes;
  }

  private int readPayloadLength(String typeName) throws IOException {
    int length = in.readVarint32(typeName, "length");
    if (length < 0) {
      throw new RecordStreamException(typeName + " has a negative length " + length);
    }
    if (length > maxFieldBytes) {
      throw new RecordStreamException(
          typeName + " value of " + length + " bytes exceeds the field size limit of " + maxFieldBytes + " bytes");
    }
    return length;
  }

  private String readText(String typeName) throws IOException {
    int length = readPayloadLength(typeName);
    String ascii = in.readBufferedAscii(length, crc);
    if (ascii != null) {
      return ascii;
    }
    byte[] bytes = in.readBytes(length, typeName, "value");
    crc.updateBytes(bytes);
    try {
      return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RecordStreamException(typeName + " value is not valid UTF-8", e);
    }
  }

  private String readChars(MaxComputeType.Chars type) throws IOException {
    String s = readText(type.typeName());
    // The SDK's Char/Varchar measure length in code points.
    int length = s.codePointCount(0, s.length());
    if (length > type.length()) {
      throw new RecordStreamException(
          type.typeName() + " value has " + length + " characters, more than " + type.length());
    }
    return s;
  }

  private String readJson() throws IOException {
    String s = readText("JSON");
    if (!parseJson) {
      return s;
    }
    try (JsonParser parser = JSON.createParser(s)) {
      if (parser.nextToken() == null) {
        throw new RecordStreamException("JSON value is empty");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new RecordStreamException("JSON value has text after the end of the document");
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new RecordStreamException("JSON value is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return s;
  }

  /**
   * The SDK sends {@code BigDecimal.toPlainString()} of the value as set, unrounded. It accepts a value
   * when, rounded HALF_UP to the scale, it has at most precision - scale integer digits; we store that
   * rounded value (a bare legacy DECIMAL keeps its own scale up to 18).
   */
  private BigDecimal readDecimal(MaxComputeType.Decimal type) throws IOException {
    byte[] bytes = readPayload("DECIMAL");
    BigDecimal value = plainDecimal(bytes);
    if (value == null) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new RecordStreamException("DECIMAL value '" + abbreviate(text) + "' is not a decimal number");
      }
    }
    int allowed = type.precision() - type.scale();
    // Bounds before rounding keep a forged exponent (1E+999999999) from costing a huge setScale;
    // rounding adds at most one integer digit.
    if (value.precision() - (long) value.scale() > allowed + 1L) {
      throw overflow(bytes, type, value.precision() - (long) value.scale(), allowed);
    }
    if (value.scale() > MAX_DECIMAL_INPUT_SCALE) {
      throw new RecordStreamException("DECIMAL value " + decimalText(bytes) + " has more than "
          + MAX_DECIMAL_INPUT_SCALE + " fractional digits");
    }
    BigDecimal rounded;
    if (type.bare()) {
      rounded = value.scale() > type.scale() ? value.setScale(type.scale(), RoundingMode.HALF_UP)
          : value.scale() < 0 ? value.setScale(0) : value;
    } else {
      rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
    }
    int integerDigits = rounded.precision() - rounded.scale();
    if (integerDigits > allowed) {
      throw overflow(bytes, type, integerDigits, allowed);
    }
    return rounded;
  }

  private static RecordStreamException overflow(
      byte[] text, MaxComputeType.Decimal type, long integerDigits, int allowed) {
    return new RecordStreamException("DECIMAL value " + decimalText(text) + " overflows " + type.typeName()
        + ": " + integerDigits + " integer digits after rounding to scale " + type.scale()
        + ", at most " + allowed + " allowed");
  }

  /**
   * The value of plain decimal text of at most 18 significant digits ({@code -12.3400}, {@code 7}), what the SDK
   * sends for nearly every value, as {@code new BigDecimal(text)} would give it (same unscaled value
   * and scale) but without the string and the parser; null for anything else (exponents, a plus sign,
   * more digits, malformed text), which the full parser then judges.
   */
  static BigDecimal plainDecimal(byte[] text) {
    int i = 0;
    boolean negative = text.length > 0 && text[0] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int significantDigits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < text.length; i++) {
      byte b = text[i];
      if (b >= '0' && b <= '9') {
        digits++;
        // leading zeros add nothing to the unscaled value, so only the others count towards 18
        if ((unscaled != 0 || b != '0') && ++significantDigits > 18) {
          return null;
        }
        unscaled = unscaled * 10 + (b - '0');
        if (point) {
          scale++;
        }
      } else if (b == '.' && !point && digits > 0) {
        point = true;
      } else {
        return null;
      }
    }
    if (digits == 0 || (point && scale == 0)) {
      return null; // "", "-", "1.": left to the full parser
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  private static String decimalText(byte[] text) {
    return abbreviate(new String(text, StandardCharsets.ISO_8859_1));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private LocalDate readDate() throws IOException {
    long epochDay = readLong("DATE");
    if (epochDay < MIN_DATE.toEpochDay() || epochDay > MAX_DATE.toEpochDay()) {
      throw new RecordStreamException("DATE epoch day " + epochDay + " is outside " + MIN_DATE + " to " + MAX_DATE);
    }
    return LocalDate.ofEpochDay(epochDay);
  }

  private Instant readDatetime() throws IOException {
    long millis = readLong("DATETIME");
    if (millis < DATETIME_MIN_MILLIS || millis > DATETIME_MAX_MILLIS) {
      throw new RecordStreamException("DATETIME epoch millisecond " + millis + " is out of range ["
          + DATETIME_MIN_MILLIS + ", " + DATETIME_MAX_MILLIS + "]");
    }
    return Instant.ofEpochMilli(millis);
  }

  /** sint64 seconds then sint32 nanos, both into the CRC (8 + 4 bytes). */
  private long readSecondsAndNanos(String typeName) throws IOException {
    long seconds = in.readSInt64(typeName, "seconds");
    int nanos = in.readSInt32(typeName, "nanos");
    crc.updateLong(seconds);
    crc.updateInt(nanos);
    lastNanos = nanos;
    return seconds;
  }

  private long readInRangeSecond(String typeName) throws IOException {
    long seconds = readSecondsAndNanos(typeName);
    if (lastNanos < 0 || lastNanos >= NANOS_PER_SECOND) {
      throw new RecordStreamException(typeName + " nanos " + lastNanos + " outside [0, 999999999]");
    }
    if (seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND) {
      throw new RecordStreamException(typeName + " epoch second " + seconds + " is outside "
          + MIN_DATE + " to " + MAX_DATE + " (UTC)");
    }
    return seconds;
  }

  private Instant readTimestamp() throws IOException {
    long seconds = readInRangeSecond("TIMESTAMP");
    return Instant.ofEpochSecond(seconds, lastNanos);
  }

  /** Seconds and nanos of the wall clock read as if at UTC, as the SDK writes LocalDateTime. */
  private LocalDateTime readTimestampNtz() throws IOException {
    long seconds = readInRangeSecond("TIMESTAMP_NTZ");
    return LocalDateTime.ofEpochSecond(seconds, lastNanos, ZoneOffset.UTC);
  }

  /**
   * Seconds and nanos as the SDK's IntervalDayTime holds them: meant to share a sign (-1.5 s as -1 s,
   * -5e8 ns), though its constructor does not enforce it, so any combination is accepted.
   */
  private Duration readIntervalDayTime() throws IOException {
    long seconds = readSecondsAndNanos("INTERVAL_DAY_TIME");
    if (lastNanos <= -NANOS_PER_SECOND || lastNanos >= NANOS_PER_SECOND) {
      throw new RecordStreamException("INTERVAL_DAY_TIME nanos " + lastNanos + " outside (-1e9, 1e9)");
    }
    try {
      return Duration.ofSeconds(seconds, lastNanos);
    } catch (ArithmeticException | DateTimeException e) {
      throw new RecordStreamException("INTERVAL_DAY_TIME of " + seconds + " s is out of range", e);
    }
  }

  private int readCount(String what) throws IOException {
    int count = in.readVarint32(what, "element count");
    if (count < 0) {
      throw new RecordStreamException(what + " has a negative element count " + count);
    }
    return count;
  }

  private List<Object> readArray(MaxComputeType element) throws IOException {
    int count = readCount("ARRAY");
    // no pre-sizing: the count comes from the client
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        list.add(readFlag("ARRAY element null flag") ? null : decode(element));
      } catch (RecordStreamException e) {
        throw e.inside("[" + i + "]");
      }
    }
    return list;
  }

  private Map<Object, Object> readMap(MaxComputeType.MapOf type) throws IOException {
    List<Object> keys;
    List<Object> values;
    try {
      keys = readArray(type.key());
    } catch (RecordStreamException e) {
      throw e.inside("{keys}");
    }
    try {
      values = readArray(type.value());
    } catch (RecordStreamException e) {
      throw e.inside("{values}");
    }
    if (keys.size() != values.size()) {
      throw new RecordStreamException(
          "MAP has " + keys.size() + " keys but " + values.size() + " values");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i) == null) {
        // storage (and MaxCompute) cannot hold a null map key
        throw new RecordStreamException("MAP key " + i + " is null");
      }
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }

  private List<Object> readStruct(MaxComputeType.Struct type) throws IOException {
    List<MaxComputeType.Struct.Field> fields = type.fields();
    List<Object> values = new ArrayList<>(fields.size());
    for (MaxComputeType.Struct.Field field : fields) {
      try {
        values.add(readFlag("STRUCT field null flag") ? null : decode(field.type()));
      } catch (RecordStreamException e) {
        throw e.inside("." + field.name());
      }
    }
    return values;
  }
}
