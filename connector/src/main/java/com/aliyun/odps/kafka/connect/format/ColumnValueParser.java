package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.AbstractCharTypeInfo;
import com.aliyun.odps.type.DecimalTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text to the Java value the SDK's {@code Record} expects for a scalar MaxCompute column type.
 * Used for CSV fields and for string values that FLATTEN writes into non-string columns.
 *
 * <ul>
 *   <li>Integers (TINYINT, SMALLINT, INT, BIGINT): decimal digits with optional sign, range-checked
 *       (BIGINT excludes -2^63, which MaxCompute reserves).</li>
 *   <li>DOUBLE, FLOAT: decimal or scientific notation, also {@code NaN}, {@code Infinity},
 *       {@code inf} with a sign (case-insensitive); a finite number too large for the type is rejected.</li>
 *   <li>DECIMAL(p,s): more fraction digits than s are rounded half-up (as MaxCompute does);
 *       more integer digits than p-s are rejected.</li>
 *   <li>BOOLEAN: {@code true} or {@code false}, case-insensitive; nothing else.</li>
 *   <li>STRING as is; VARCHAR(n)/CHAR(n) at most n characters.</li>
 *   <li>DATE {@code yyyy-MM-dd}; DATETIME {@code yyyy-MM-dd HH:mm:ss[.SSS]} and TIMESTAMP
 *       {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} in the configured time zone; TIMESTAMP_NTZ the
 *       same pattern as TIMESTAMP, without a zone.</li>
 *   <li>BINARY: the UTF-8 bytes of the text (no base64 decoding: text in, text's bytes out).</li>
 *   <li>JSON: the text, which must be one valid JSON document.</li>
 * </ul>
 * Surrounding spaces are ignored for every type except STRING, VARCHAR, CHAR, BINARY and JSON.
 */
final class ColumnValueParser {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NAN = Pattern.compile("(?i)[+-]?nan");
  private static final Pattern POSITIVE_INFINITY = Pattern.compile("(?i)\\+?inf(inity)?");
  private static final Pattern NEGATIVE_INFINITY = Pattern.compile("(?i)-inf(inity)?");
  private static final BigInteger BIGINT_MIN = BigInteger.valueOf(Long.MIN_VALUE + 1);
  private static final BigInteger BIGINT_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATETIME = dateTimeWithFraction(3);
  private static final DateTimeFormatter TIMESTAMP = dateTimeWithFraction(9);

  private final ZoneId zone;

  ColumnValueParser(ZoneId zone) {
    this.zone = zone;
  }

  private static DateTimeFormatter dateTimeWithFraction(int maxDigits) {
    return new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, maxDigits, true)
        .optionalEnd()
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** True for the types {@link #parse} handles; ARRAY, MAP, STRUCT and exotic types are not. */
  static boolean isScalar(OdpsType type) {
    switch (type) {
      case BIGINT: case INT: case SMALLINT: case TINYINT: case DOUBLE: case FLOAT: case DECIMAL:
      case BOOLEAN: case STRING: case VARCHAR: case CHAR: case DATE: case DATETIME: case TIMESTAMP:
      case TIMESTAMP_NTZ: case BINARY: case JSON:
        return true;
      default:
        return false;
    }
  }

  /**
   * @param text never null (callers handle SQL NULL themselves)
   * @throws RecordConversionException naming {@code column} when the text does not fit the type
   */
  Object parse(String text, TypeInfo type, String column) {
    switch (type.getOdpsType()) {
      case STRING:
        return text;
      case VARCHAR:
        return new Varchar(withinLength(text, type, column));
      case CHAR:
        return new Char(withinLength(text, type, column));
      case BINARY:
        return new Binary(text.getBytes(StandardCharsets.UTF_8));
      case JSON:
        try {
          return JsonCodec.checked(text, "the text");
        } catch (RecordConversionException e) {
          throw ColumnErrors.of(column, type, e.getMessage());
        }
      default:
        return parseTrimmed(text.trim(), type, column);
    }
  }

  private Object parseTrimmed(String text, TypeInfo type, String column) {
    switch (type.getOdpsType()) {
      case BIGINT:
        return integer(text, type, column, BIGINT_MIN, BIGINT_MAX).longValue();
      case INT:
        return integer(text, type, column, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
      case SMALLINT:
        return integer(text, type, column, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
      case TINYINT:
        return integer(text, type, column, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
      case DOUBLE:
        return floating(text, type, column, Double.MAX_VALUE);
      case FLOAT:
        return (float) floating(text, type, column, Float.MAX_VALUE);
      case DECIMAL:
        return fitDecimal(decimal(text, type, column), (DecimalTypeInfo) type, column);
      case BOOLEAN:
        if ("true".equalsIgnoreCase(text)) {
          return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
          return Boolean.FALSE;
        }
        throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not a boolean (true or false)");
      case DATE:
        try {
          return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
          throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not a date yyyy-MM-dd");
        }
      case DATETIME:
        return localDateTime(text, DATETIME, type, column, "yyyy-MM-dd HH:mm:ss[.SSS]").atZone(zone);
      case TIMESTAMP:
        return localDateTime(text, TIMESTAMP, type, column, "yyyy-MM-dd HH:mm:ss[.fffffffff]")
            .atZone(zone).toInstant();
      case TIMESTAMP_NTZ:
        return localDateTime(text, TIMESTAMP, type, column, "yyyy-MM-dd HH:mm:ss[.fffffffff]");
      default:
        throw ColumnErrors.of(column, type, "this column type cannot be written from text");
    }
  }

  static BigInteger integer(String text, TypeInfo type, String column, long min, long max) {
    return integer(text, type, column, BigInteger.valueOf(min), BigInteger.valueOf(max));
  }

  private static BigInteger integer(String text, TypeInfo type, String column, BigInteger min, BigInteger max) {
    if (!INTEGER.matcher(text).matches()) {
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not an integer");
    }
    return inRange(new BigInteger(text), type, column, min, max);
  }

  /** Range check shared with values that arrive as numbers. */
  static BigInteger inRange(BigInteger value, TypeInfo type, String column) {
    switch (type.getOdpsType()) {
      case BIGINT:
        return inRange(value, type, column, BIGINT_MIN, BIGINT_MAX);
      case INT:
        return inRange(value, type, column, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
      case SMALLINT:
        return inRange(value, type, column, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
      case TINYINT:
        return inRange(value, type, column, BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE));
      default:
        throw new IllegalArgumentException("not an integer type: " + type);
    }
  }

  private static BigInteger inRange(BigInteger value, TypeInfo type, String column, BigInteger min, BigInteger max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw ColumnErrors.of(column, type, value + " is out of range [" + min + ", " + max + "]");
    }
    return value;
  }

  private static double floating(String text, TypeInfo type, String column, double maxFinite) {
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    if (POSITIVE_INFINITY.matcher(text).matches()) {
      return Double.POSITIVE_INFINITY;
    }
    if (NEGATIVE_INFINITY.matcher(text).matches()) {
      return Double.NEGATIVE_INFINITY;
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not a number");
    }
    double value = Double.parseDouble(text);
    if (Math.abs(value) > maxFinite) {
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is out of range");
    }
    return value;
  }

  private static BigDecimal decimal(String text, TypeInfo type, String column) {
    if (!DECIMAL.matcher(text).matches()) {
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not a decimal number");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      // e.g. an exponent beyond int range
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " is not a decimal number");
    }
  }

  /**
   * Rounds to the column's scale (half-up, as MaxCompute does) and rejects a value with more
   * integer digits than precision minus scale.
   */
  static BigDecimal fitDecimal(BigDecimal value, DecimalTypeInfo type, String column) {
    int maxIntegerDigits = type.getPrecision() - type.getScale();
    // Guard before setScale: a huge exponent (1e999999999) must not allocate a giant number.
    if (value.precision() - value.scale() > maxIntegerDigits + 1) {
      throw ColumnErrors.of(column, type, value.toString() + " has more than " + maxIntegerDigits
          + " integer digits");
    }
    BigDecimal rounded = value.scale() > type.getScale() ? value.setScale(type.getScale(), RoundingMode.HALF_UP) : value;
    int integerDigits = rounded.signum() == 0 ? 0 : rounded.precision() - rounded.scale();
    if (integerDigits > maxIntegerDigits) {
      throw ColumnErrors.of(column, type, value.toPlainString() + " has more than " + maxIntegerDigits
          + " integer digits");
    }
    return rounded;
  }

  private static String withinLength(String text, TypeInfo type, String column) {
    int max = ((AbstractCharTypeInfo) type).getLength();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      throw ColumnErrors.of(column, type, "text of " + length + " characters is longer than " + max);
    }
    return text;
  }

  private static LocalDateTime localDateTime(String text, DateTimeFormatter format, TypeInfo type,
                                             String column, String pattern) {
    try {
      return LocalDateTime.parse(text, format);
    } catch (DateTimeParseException e) {
      throw ColumnErrors.of(column, type, ColumnErrors.show(text) + " does not match " + pattern);
    }
  }
}
