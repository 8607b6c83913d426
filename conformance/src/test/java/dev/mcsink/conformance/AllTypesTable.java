package dev.mcsink.conformance;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.SimpleJsonValue;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table with one column of every MaxCompute type the suite covers, and sample rows for it:
 * typical values, upper and lower boundaries, special floating-point values and nulls.
 * Column 0 ({@code id}) orders and selects the rows.
 */
final class AllTypesTable {
  static final String DDL_COLUMNS = "("
      + "id BIGINT COMMENT 'row id',"
      + "c_bigint BIGINT,"
      + "c_int INT,"
      + "c_smallint SMALLINT,"
      + "c_tinyint TINYINT,"
      + "c_double DOUBLE,"
      + "c_float FLOAT,"
      + "c_boolean BOOLEAN,"
      + "c_string STRING,"
      + "c_varchar VARCHAR(10),"
      + "c_char CHAR(5),"
      + "c_binary BINARY,"
      + "c_date DATE,"
      + "c_datetime DATETIME,"
      + "c_timestamp TIMESTAMP,"
      + "c_timestamp_ntz TIMESTAMP_NTZ,"
      + "c_json JSON,"
      + "c_decimal DECIMAL(38,18),"
      + "c_array ARRAY<STRING>,"
      + "c_map MAP<STRING,BIGINT>,"
      + "c_struct STRUCT<a:INT,b:STRING>"
      + ")";

  static final StructTypeInfo STRUCT_TYPE = TypeInfoFactory.getStructTypeInfo(
      Arrays.asList("a", "b"), Arrays.<TypeInfo>asList(TypeInfoFactory.INT, TypeInfoFactory.STRING));

  private AllTypesTable() {
  }

  /** The same columns as {@link #DDL_COLUMNS}, as the SDK models them. */
  static TableSchema schema() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT, "row id"));
    schema.addColumn(new Column("c_bigint", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("c_int", TypeInfoFactory.INT));
    schema.addColumn(new Column("c_smallint", TypeInfoFactory.SMALLINT));
    schema.addColumn(new Column("c_tinyint", TypeInfoFactory.TINYINT));
    schema.addColumn(new Column("c_double", TypeInfoFactory.DOUBLE));
    schema.addColumn(new Column("c_float", TypeInfoFactory.FLOAT));
    schema.addColumn(new Column("c_boolean", TypeInfoFactory.BOOLEAN));
    schema.addColumn(new Column("c_string", TypeInfoFactory.STRING));
    schema.addColumn(new Column("c_varchar", TypeInfoFactory.getVarcharTypeInfo(10)));
    schema.addColumn(new Column("c_char", TypeInfoFactory.getCharTypeInfo(5)));
    schema.addColumn(new Column("c_binary", TypeInfoFactory.BINARY));
    schema.addColumn(new Column("c_date", TypeInfoFactory.DATE));
    schema.addColumn(new Column("c_datetime", TypeInfoFactory.DATETIME));
    schema.addColumn(new Column("c_timestamp", TypeInfoFactory.TIMESTAMP));
    schema.addColumn(new Column("c_timestamp_ntz", TypeInfoFactory.TIMESTAMP_NTZ));
    schema.addColumn(new Column("c_json", TypeInfoFactory.JSON));
    schema.addColumn(new Column("c_decimal", TypeInfoFactory.getDecimalTypeInfo(38, 18)));
    schema.addColumn(new Column("c_array", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING)));
    schema.addColumn(new Column("c_map", TypeInfoFactory.getMapTypeInfo(TypeInfoFactory.STRING, TypeInfoFactory.BIGINT)));
    schema.addColumn(new Column("c_struct", STRUCT_TYPE));
    return schema;
  }

  /** Type names as the SDK prints them, in column order. */
  static List<String> typeNames() {
    List<String> names = new ArrayList<>();
    for (Column c : schema().getColumns()) {
      names.add(c.getTypeInfo().getTypeName());
    }
    return names;
  }

  /** A named row of sample values, in column order, with the Java types the SDK accepts. */
  record Sample(String name, Object[] values) {
    long id() {
      return (Long) values[0];
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    samples.add(new Sample("typical values", new Object[] {
        1L, 42L, 7, (short) 3, (byte) 1, 1.5d, 2.25f, true, "hello",
        new Varchar("varchar"), new Char("chars"), new Binary(new byte[] {0, 1, 2, (byte) 0xff}),
        LocalDate.of(2024, 2, 29),
        utc(Instant.parse("2024-01-02T03:04:05.678Z")),
        Instant.parse("2024-01-02T03:04:05.123456789Z"),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 987_654_321),
        new SimpleJsonValue("{\"a\":1,\"b\":[true,null,\"x\"]}"),
        new BigDecimal("12345.678900000000000001"),
        Arrays.asList("x", null, "z"),
        map("k1", 1L, "k2", null),
        new SimpleStruct(STRUCT_TYPE, Arrays.<Object>asList(5, "five"))}));
    samples.add(new Sample("upper boundaries and multi-byte text", new Object[] {
        2L, Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE,
        Double.MAX_VALUE, Float.MAX_VALUE, false,
        "汉字 ünïcödé 😀, \"quoted\"\nsecond line",
        new Varchar("é汉字😀abc"), new Char("汉字ab€"), new Binary(new byte[] {(byte) 0x80, 0x7f, 0, (byte) 0xfe}),
        LocalDate.of(9999, 12, 31),
        utc(Instant.parse("9999-12-31T23:59:59.999Z")),
        // TIMESTAMP and TIMESTAMP_NTZ keep nanoseconds in 1677-09-22 .. 2262-04-11 (documented limit).
        Instant.parse("2262-04-10T23:59:59.999999999Z"),
        LocalDateTime.of(2262, 4, 10, 23, 59, 59, 999_999_999),
        new SimpleJsonValue("[1,2.5,\"s\",{\"k\":\"汉\"}]"),
        new BigDecimal("99999999999999999999.999999999999999999"),
        new ArrayList<String>(),
        new LinkedHashMap<String, Long>(),
        new SimpleStruct(STRUCT_TYPE, Arrays.<Object>asList(Integer.MAX_VALUE, "汉字"))}));
    samples.add(new Sample("lower boundaries and empty values", new Object[] {
        // Long.MIN_VALUE itself is refused by the SDK before it reaches the wire.
        3L, Long.MIN_VALUE + 1, Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE,
        -Double.MAX_VALUE, Float.MIN_VALUE, true, "",
        new Varchar(""), new Char("abcde"), new Binary(new byte[0]),
        LocalDate.of(1, 1, 1),
        utc(Instant.parse("0001-01-01T00:00:00Z")),
        Instant.parse("1677-09-22T00:00:00Z"),
        LocalDateTime.of(1677, 9, 22, 0, 0, 0),
        new SimpleJsonValue("{}"),
        new BigDecimal("-99999999999999999999.999999999999999999"),
        Arrays.asList((String) null),
        map("", 0L),
        new SimpleStruct(STRUCT_TYPE, Arrays.<Object>asList(null, null))}));
    samples.add(new Sample("special floating point and small magnitudes", new Object[] {
        4L, -1L, 0, (short) 0, (byte) 0,
        Double.NaN, Float.NEGATIVE_INFINITY, false, "in between",
        new Varchar("a"), new Char("x y z"), new Binary(new byte[] {0}),
        LocalDate.of(1970, 1, 1),
        utc(Instant.parse("1969-12-31T23:59:59.999Z")),
        Instant.parse("1969-12-31T23:59:59.000000001Z"),
        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1),
        new SimpleJsonValue("\"text\""),
        new BigDecimal("0.000000000000000001"),
        Arrays.asList("", "汉"),
        map("neg", -9L),
        new SimpleStruct(STRUCT_TYPE, Arrays.<Object>asList(-1, ""))}));
    samples.add(new Sample("positive infinity and some nulls", new Object[] {
        5L, 0L, -1, (short) -1, (byte) -1,
        Double.POSITIVE_INFINITY, 0.5f, true, "x",
        new Varchar("0123456789"), new Char("12345"), null,
        LocalDate.of(2000, 1, 1), null, null, null, null,
        new BigDecimal("-0.5"), null, null, null}));
    Object[] nulls = new Object[schema().getColumns().size()];
    nulls[0] = 6L;
    samples.add(new Sample("all nulls", nulls));
    return samples;
  }

  static ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  private static Map<String, Long> map(Object... keyValues) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], (Long) keyValues[i + 1]);
    }
    return map;
  }
}
