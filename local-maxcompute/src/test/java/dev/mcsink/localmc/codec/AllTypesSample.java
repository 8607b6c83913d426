package dev.mcsink.localmc.codec;

import dev.mcsink.localmc.types.Column;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table with every MaxCompute type and rows at the edges of each, in our Java value convention. */
final class AllTypesSample {
  static final List<Column> COLUMNS = List.of(
      Column.of("c_bigint", "BIGINT"),
      Column.of("c_int", "INT"),
      Column.of("c_smallint", "SMALLINT"),
      Column.of("c_tinyint", "TINYINT"),
      Column.of("c_double", "DOUBLE"),
      Column.of("c_float", "FLOAT"),
      Column.of("c_boolean", "BOOLEAN"),
      Column.of("c_string", "STRING"),
      Column.of("c_varchar", "VARCHAR(10)"),
      Column.of("c_char", "CHAR(5)"),
      Column.of("c_binary", "BINARY"),
      Column.of("c_datetime", "DATETIME"),
      Column.of("c_date", "DATE"),
      Column.of("c_timestamp", "TIMESTAMP"),
      Column.of("c_timestamp_ntz", "TIMESTAMP_NTZ"),
      Column.of("c_json", "JSON"),
      Column.of("c_decimal", "DECIMAL(38,18)"),
      Column.of("c_decimal_legacy", "DECIMAL"),
      Column.of("c_decimal_small", "DECIMAL(10,2)"),
      Column.of("c_interval_dt", "INTERVAL_DAY_TIME"),
      Column.of("c_interval_ym", "INTERVAL_YEAR_MONTH"),
      Column.of("c_nested", "ARRAY<MAP<STRING,STRUCT<a:INT,b:ARRAY<BIGINT>>>>"));

  private AllTypesSample() {}

  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {
        Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE,
        Double.MAX_VALUE, Float.MAX_VALUE, true,
        "multi-byte: héllo 世界 🎉", "ab😀cdefgh", "日本語😀!",
        new byte[] {0, -1, 127, -128, 10},
        Instant.parse("9999-12-31T23:59:59.999Z"),
        LocalDate.of(9999, 12, 31),
        Instant.parse("9999-12-31T23:59:59.999999999Z"),
        LocalDateTime.parse("9999-12-31T23:59:59.999999999"),
        "{\"a\":[1,2,{\"b\":null}],\"s\":\"é\"}",
        new BigDecimal("99999999999999999999.999999999999999999"),
        new BigDecimal("999999999999999999999999999999999999.999999999999999999"),
        new BigDecimal("12345678.91"),
        Duration.ofSeconds(86_400L * 365 * 100 + 1, 123_456_789),
        119_999L,
        List.of(map("k1", struct(1, List.of(1L, 2L)), "k2", struct(Integer.MIN_VALUE, List.of())))
    });
    rows.add(new Object[] {
        Long.MIN_VALUE + 1, Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE,
        Double.NaN, Float.NEGATIVE_INFINITY, false,
        "", "", "",
        new byte[0],
        Instant.parse("1969-12-31T23:59:59.999Z"),
        LocalDate.of(1, 1, 1),
        Instant.parse("1969-12-31T23:59:59.000000001Z"),
        LocalDateTime.parse("0001-01-01T00:00:00.5"),
        "[]",
        new BigDecimal("-99999999999999999999.999999999999999999"),
        new BigDecimal("-0.000000000000000001"),
        new BigDecimal("0.00"),
        Duration.ofMillis(-1500),
        -13L,
        Arrays.asList(
            null,
            map("k", null, "k2", struct(null, Arrays.asList(1L, null, Long.MAX_VALUE)), "k3", struct(7, null)),
            map())
    });
    rows.add(new Object[COLUMNS.size()]);
    rows.add(new Object[] {
        0L, 0, (short) 0, (byte) 0,
        Double.POSITIVE_INFINITY, Float.MIN_VALUE, null,
        "tab\tnew line\n nul\u0000 end", null, "a", null,
        Instant.parse("0001-01-01T00:00:00Z"),
        LocalDate.of(1969, 12, 31),
        Instant.parse("0001-01-01T00:00:00Z"),
        LocalDateTime.parse("1900-02-28T12:34:56.000001"),
        "\"just a string\"",
        new BigDecimal("0E-18"),
        new BigDecimal("1"),
        new BigDecimal("-0.01"),
        Duration.ZERO,
        0L,
        List.of()
    });
    rows.add(new Object[] {
        -1L, -1, (short) -1, (byte) -1,
        -0.0d, Float.NaN, true,
        "x".repeat(100_000), "1234567890", "abcde",
        new byte[70_000],
        Instant.parse("2024-02-29T12:00:00.123Z"),
        LocalDate.of(2024, 2, 29),
        Instant.parse("2024-02-29T12:00:00.123456789Z"),
        LocalDateTime.parse("2024-02-29T12:00:00"),
        "{\"deep\":{\"deeper\":[true,false,null,1.5e10]}}",
        new BigDecimal("3.141592653589793238"),
        new BigDecimal("-123456789012345678901234567890.5"),
        new BigDecimal("-99999999.99"),
        Duration.ofSeconds(-86_400L * 3, -999_999_999),
        -119_999L,
        List.of(map("only", struct(42, Arrays.asList((Long) null))))
    });
    return rows;
  }

  /** A map in insertion order from alternating keys and values. */
  static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static List<Object> struct(Object... fields) {
    return Arrays.asList(fields);
  }
}
