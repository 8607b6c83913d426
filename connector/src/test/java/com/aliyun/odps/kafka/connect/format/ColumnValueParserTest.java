package com.aliyun.odps.kafka.connect.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.JsonValue;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColumnValueParserTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final ColumnValueParser parser = new ColumnValueParser(SHANGHAI);

  private Object parse(String text, TypeInfo type) {
    return parser.parse(text, type, "c");
  }

  private void rejected(String text, TypeInfo type, String messagePart) {
    assertThatThrownBy(() -> parse(text, type))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageStartingWith("column 'c' (" + type.getTypeName() + "): ")
        .hasMessageContaining(messagePart);
  }

  @Test
  void integersParseWithinTheirRanges() {
    assertThat(parse("9223372036854775807", TypeInfoFactory.BIGINT)).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("-9223372036854775807", TypeInfoFactory.BIGINT)).isEqualTo(-Long.MAX_VALUE);
    assertThat(parse("+42", TypeInfoFactory.BIGINT)).isEqualTo(42L);
    assertThat(parse(" 7 ", TypeInfoFactory.INT)).isEqualTo(7);
    assertThat(parse("-2147483648", TypeInfoFactory.INT)).isEqualTo(Integer.MIN_VALUE);
    assertThat(parse("32767", TypeInfoFactory.SMALLINT)).isEqualTo((short) 32767);
    assertThat(parse("127", TypeInfoFactory.TINYINT)).isEqualTo((byte) 127);
    assertThat(parse("-128", TypeInfoFactory.TINYINT)).isEqualTo((byte) -128);
  }

  @Test
  void integersOutOfRangeAreRejected() {
    rejected("128", TypeInfoFactory.TINYINT, "128 is out of range [-128, 127]");
    rejected("-129", TypeInfoFactory.TINYINT, "out of range");
    rejected("32768", TypeInfoFactory.SMALLINT, "out of range");
    rejected("2147483648", TypeInfoFactory.INT, "out of range");
    rejected("9223372036854775808", TypeInfoFactory.BIGINT, "out of range");
    // -2^63 is reserved by MaxCompute
    rejected("-9223372036854775808", TypeInfoFactory.BIGINT, "out of range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "abc", "", "1e3", "0x10", "1_000", "--1"})
  void nonIntegersAreRejected(String text) {
    rejected(text, TypeInfoFactory.BIGINT, "is not an integer");
  }

  @Test
  void floatingPointIncludingSpecialValues() {
    assertThat(parse("3.25", TypeInfoFactory.DOUBLE)).isEqualTo(3.25d);
    assertThat(parse("-1.5e-3", TypeInfoFactory.DOUBLE)).isEqualTo(-0.0015d);
    assertThat(parse(".5", TypeInfoFactory.DOUBLE)).isEqualTo(0.5d);
    assertThat(parse("NaN", TypeInfoFactory.DOUBLE)).isEqualTo(Double.NaN);
    assertThat(parse("nan", TypeInfoFactory.DOUBLE)).isEqualTo(Double.NaN);
    assertThat(parse("inf", TypeInfoFactory.DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("-inf", TypeInfoFactory.DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parse("Infinity", TypeInfoFactory.DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("-Infinity", TypeInfoFactory.FLOAT)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(parse("1.5", TypeInfoFactory.FLOAT)).isEqualTo(1.5f);
  }

  @Test
  void floatingPointMalformedOrOutOfRangeIsRejected() {
    rejected("1,5", TypeInfoFactory.DOUBLE, "is not a number");
    rejected("1.5d", TypeInfoFactory.DOUBLE, "is not a number");
    rejected("infinit", TypeInfoFactory.DOUBLE, "is not a number");
    rejected("1e400", TypeInfoFactory.DOUBLE, "out of range");
    rejected("1e39", TypeInfoFactory.FLOAT, "out of range");
  }

  @Test
  void decimalWithinPrecisionAndScale() {
    TypeInfo decimal = TypeInfoFactory.getDecimalTypeInfo(5, 2);
    assertThat(parse("123.45", decimal)).isEqualTo(new BigDecimal("123.45"));
    assertThat(parse("-999.99", decimal)).isEqualTo(new BigDecimal("-999.99"));
    // extra fraction digits are rounded half-up, as MaxCompute does
    assertThat(parse("1.005", decimal)).isEqualTo(new BigDecimal("1.01"));
    assertThat(parse("0.001", decimal)).isEqualTo(new BigDecimal("0.00"));
    assertThat(parse("1e2", decimal)).isEqualTo(new BigDecimal("1e2"));
  }

  @Test
  void decimalOverflowIsRejected() {
    TypeInfo decimal = TypeInfoFactory.getDecimalTypeInfo(5, 2);
    rejected("1000", decimal, "more than 3 integer digits");
    rejected("999.995", decimal, "more than 3 integer digits");
    rejected("1e999999999", decimal, "more than 3 integer digits");
    rejected("12.3.4", decimal, "is not a decimal number");
    rejected("NaN", decimal, "is not a decimal number");
  }

  @Test
  void legacyDecimalAllows36IntegerDigits() {
    String digits36 = "9".repeat(36);
    assertThat(parse(digits36, TypeInfoFactory.DECIMAL)).isEqualTo(new BigDecimal(digits36));
    rejected("1" + "0".repeat(36), TypeInfoFactory.DECIMAL, "more than 36 integer digits");
  }

  @Test
  void booleanIsStrict() {
    assertThat(parse("true", TypeInfoFactory.BOOLEAN)).isEqualTo(true);
    assertThat(parse("FALSE", TypeInfoFactory.BOOLEAN)).isEqualTo(false);
    assertThat(parse("True", TypeInfoFactory.BOOLEAN)).isEqualTo(true);
    rejected("yes", TypeInfoFactory.BOOLEAN, "'yes' is not a boolean");
    rejected("1", TypeInfoFactory.BOOLEAN, "is not a boolean");
    rejected("t", TypeInfoFactory.BOOLEAN, "is not a boolean");
  }

  @Test
  void textTypesKeepTextAndCheckLength() {
    assertThat(parse(" a b ", TypeInfoFactory.STRING)).isEqualTo(" a b ");
    assertThat(parse("北京欢迎", TypeInfoFactory.getVarcharTypeInfo(4))).isEqualTo(new Varchar("北京欢迎"));
    assertThat(parse("ab", TypeInfoFactory.getCharTypeInfo(3))).isEqualTo(new Char("ab"));
    rejected("abcde", TypeInfoFactory.getVarcharTypeInfo(4), "text of 5 characters is longer than 4");
    rejected("abcd", TypeInfoFactory.getCharTypeInfo(3), "longer than 3");
  }

  @Test
  void dateIsStrictIso() {
    assertThat(parse("2023-07-13", TypeInfoFactory.DATE)).isEqualTo(LocalDate.of(2023, 7, 13));
    assertThat(parse("2024-02-29", TypeInfoFactory.DATE)).isEqualTo(LocalDate.of(2024, 2, 29));
    rejected("2023-02-29", TypeInfoFactory.DATE, "is not a date yyyy-MM-dd");
    rejected("2023-13-01", TypeInfoFactory.DATE, "is not a date");
    rejected("07-13-2023", TypeInfoFactory.DATE, "is not a date");
    rejected("2023/07/13", TypeInfoFactory.DATE, "is not a date");
  }

  @Test
  void datetimeIsReadInTheConfiguredZone() {
    Object value = parse("2023-07-13 21:13:00", TypeInfoFactory.DATETIME);
    assertThat(value).isEqualTo(ZonedDateTime.of(2023, 7, 13, 21, 13, 0, 0, SHANGHAI));
    assertThat(((ZonedDateTime) value).toInstant()).isEqualTo(Instant.parse("2023-07-13T13:13:00Z"));
    assertThat(parse("2023-07-13 21:13:00.5", TypeInfoFactory.DATETIME))
        .isEqualTo(ZonedDateTime.of(2023, 7, 13, 21, 13, 0, 500_000_000, SHANGHAI));
    assertThat(parse("2023-07-13 21:13:00.123", TypeInfoFactory.DATETIME))
        .isEqualTo(ZonedDateTime.of(2023, 7, 13, 21, 13, 0, 123_000_000, SHANGHAI));
    rejected("2023-07-13 21:13:00.1234", TypeInfoFactory.DATETIME, "does not match yyyy-MM-dd HH:mm:ss[.SSS]");
    rejected("2023-07-13T21:13:00", TypeInfoFactory.DATETIME, "does not match");
    rejected("2023-07-13 24:00:00", TypeInfoFactory.DATETIME, "does not match");
  }

  @Test
  void timestampKeepsNanosecondsAndUsesTheZone() {
    assertThat(parse("2023-07-13 21:13:00.123456789", TypeInfoFactory.TIMESTAMP))
        .isEqualTo(Instant.parse("2023-07-13T13:13:00.123456789Z"));
    assertThat(parse("2023-07-13 21:13:00", TypeInfoFactory.TIMESTAMP))
        .isEqualTo(Instant.parse("2023-07-13T13:13:00Z"));
    rejected("2023-07-13 21:13", TypeInfoFactory.TIMESTAMP, "does not match yyyy-MM-dd HH:mm:ss[.fffffffff]");
  }

  @Test
  void timestampNtzHasNoZone() {
    assertThat(parse("2023-07-13 21:13:00.1234", TypeInfoFactory.TIMESTAMP_NTZ))
        .isEqualTo(LocalDateTime.of(2023, 7, 13, 21, 13, 0, 123_400_000));
  }

  @Test
  void binaryIsTheUtf8BytesOfTheText() {
    assertThat(parse("é1", TypeInfoFactory.BINARY)).isEqualTo(new Binary("é1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void jsonMustBeValid() {
    Object value = parse("{\"a\":[1,2]}", TypeInfoFactory.JSON);
    assertThat(value).isInstanceOf(JsonValue.class);
    assertThat(value.toString()).isEqualTo("{\"a\":[1,2]}");
    rejected("{a:1}", TypeInfoFactory.JSON, "is not valid JSON");
  }
}
