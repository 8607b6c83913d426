package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.convert;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.type.TypeInfoFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRecordConverterTest {
  /** The document's table_csv. */
  private static final TableSchema TABLE_CSV = table(col("id", OdpsType.BIGINT), string("name"), string("region"));
  private static final SinkSettings CSV_VALUE = settings(MessageFormat.CSV, MessageMode.VALUE).build();

  @Test
  void documentExample() {
    ArrayRecord first = convert(CSV_VALUE, TABLE_CSV, record("csv_test", 0, 0, "123", "1103,zhangsan,china"));
    ArrayRecord second = convert(CSV_VALUE, TABLE_CSV, record("csv_test", 0, 1, "456", "1104,lisi,usa"));

    assertThat(first.toArray()).containsExactly("csv_test", 0L, 0L, 1103L, "zhangsan", "china");
    assertThat(second.toArray()).containsExactly("csv_test", 0L, 1L, 1104L, "lisi", "usa");
  }

  @Test
  void modeKeyParsesTheKey() {
    ArrayRecord row = convert(settings(MessageFormat.CSV, MessageMode.KEY).build(), TABLE_CSV,
        record("7,k,v", "1103,zhangsan,china"));

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, 7L, "k", "v");
  }

  @Test
  void quotedFieldsAndNullMarker() {
    ArrayRecord row = convert(CSV_VALUE, TABLE_CSV, record(null, "\\N,\"zhang, san\",\"\\N\""));

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, null, "zhang, san", "\\N");
  }

  @Test
  void emptyFieldIsEmptyTextButNullNumber() {
    ArrayRecord row = convert(CSV_VALUE, TABLE_CSV, record(null, ",,"));

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, null, "", "");
  }

  @Test
  void configuredDelimiterIsUsed() {
    SinkSettings pipe = settings(MessageFormat.CSV, MessageMode.VALUE).csvDelimiter('|').build();
    ArrayRecord row = convert(pipe, TABLE_CSV, record(null, "1103|zhang,san|china"));

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, 1103L, "zhang,san", "china");
  }

  @Test
  void wrongFieldCountNamesExpectedAndGot() {
    assertThatThrownBy(() -> convert(CSV_VALUE, TABLE_CSV, record(null, "1103,zhangsan")))
        .isInstanceOf(RecordConversionException.class)
        .hasMessage("CSV: expected 3 fields (id, name, region), got 2");
    assertThatThrownBy(() -> convert(CSV_VALUE, TABLE_CSV, record(null, "1103,zhangsan,china,extra")))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("got 4");
  }

  @Test
  void badFieldNamesTheColumn() {
    assertThatThrownBy(() -> convert(CSV_VALUE, TABLE_CSV, record(null, "11o3,zhangsan,china")))
        .isInstanceOf(RecordConversionException.class)
        .hasMessage("column 'id' (BIGINT): '11o3' is not an integer");
  }

  @Test
  void nullValueIsRejected() {
    assertThatThrownBy(() -> convert(CSV_VALUE, TABLE_CSV, record("k", null)))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("message value is null");
  }

  @Test
  void metaColumnsAnywhereInTheTableAreSkippedAndInsertTimeIsFilled() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", OdpsType.BIGINT));
    schema.addColumn(new Column("topic", OdpsType.STRING));
    schema.addColumn(new Column("partition", OdpsType.BIGINT));
    schema.addColumn(new Column("name", OdpsType.STRING));
    schema.addColumn(new Column("offset", OdpsType.BIGINT));
    schema.addColumn(new Column("insert_time", OdpsType.BIGINT));

    ArrayRecord row = convert(CSV_VALUE, schema, record("t", 2, 9, null, "5,five"));

    assertThat(row.toArray()).containsExactly(5L, "t", 2L, "five", 9L, 1_689_254_000_000L);
  }

  @Test
  void everyScalarTypeFromOneLine() {
    TableSchema schema = table(
        col("c_bigint", OdpsType.BIGINT), col("c_int", OdpsType.INT), col("c_smallint", OdpsType.SMALLINT),
        col("c_tinyint", OdpsType.TINYINT), col("c_double", OdpsType.DOUBLE), col("c_float", OdpsType.FLOAT),
        col("c_decimal", TypeInfoFactory.getDecimalTypeInfo(10, 2)), col("c_boolean", OdpsType.BOOLEAN),
        string("c_string"), col("c_varchar", TypeInfoFactory.getVarcharTypeInfo(5)),
        col("c_char", TypeInfoFactory.getCharTypeInfo(2)), col("c_date", OdpsType.DATE),
        col("c_datetime", OdpsType.DATETIME), col("c_timestamp", OdpsType.TIMESTAMP),
        col("c_ntz", OdpsType.TIMESTAMP_NTZ), col("c_binary", OdpsType.BINARY), col("c_json", OdpsType.JSON));
    String line = "-5,2147483647,-32768,127,inf,1.25,12345678.125,TRUE,\"a,\"\"b\"\"\",hello,ab,2023-07-13,"
        + "2023-07-13 21:13:00.250,2023-07-13 21:13:00.000000001,2023-07-13 21:13:00,raw,\"{\"\"a\"\":1}\"";

    ArrayRecord row = convert(CSV_VALUE, schema, record(null, line));

    assertThat(row.getBigint("c_bigint")).isEqualTo(-5L);
    assertThat(row.getInt("c_int")).isEqualTo(Integer.MAX_VALUE);
    assertThat(row.getSmallint("c_smallint")).isEqualTo(Short.MIN_VALUE);
    assertThat(row.getTinyint("c_tinyint")).isEqualTo((byte) 127);
    assertThat(row.getDouble("c_double")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(row.getFloat("c_float")).isEqualTo(1.25f);
    assertThat(row.getDecimal("c_decimal")).isEqualTo(new BigDecimal("12345678.13"));
    assertThat(row.getBoolean("c_boolean")).isTrue();
    assertThat(row.getString("c_string")).isEqualTo("a,\"b\"");
    assertThat(row.getVarchar("c_varchar").getValue()).isEqualTo("hello");
    assertThat(row.getChar("c_char").getValue()).isEqualTo("ab");
    assertThat(row.getDateAsLocalDate("c_date")).isEqualTo(LocalDate.of(2023, 7, 13));
    assertThat(row.getDatetimeAsZonedDateTime("c_datetime").toInstant()).isEqualTo(Instant.parse("2023-07-13T13:13:00.250Z"));
    assertThat(row.getTimestampAsInstant("c_timestamp")).isEqualTo(Instant.parse("2023-07-13T13:13:00.000000001Z"));
    assertThat(row.getTimestampNtz("c_ntz")).isEqualTo(LocalDateTime.of(2023, 7, 13, 21, 13));
    assertThat(row.getBinary("c_binary")).isEqualTo(new Binary("raw".getBytes(StandardCharsets.UTF_8)));
    assertThat(row.getJsonValue("c_json").get("a").getAsNumber().intValue()).isEqualTo(1);
  }

  @Test
  void malformedTypedFieldsAreRejectedNamingTheColumn() {
    TableSchema schema = table(col("tiny", OdpsType.TINYINT), col("flag", OdpsType.BOOLEAN),
        col("amount", TypeInfoFactory.getDecimalTypeInfo(4, 1)), col("day", OdpsType.DATE));

    assertThatThrownBy(() -> convert(CSV_VALUE, schema, record(null, "128,true,1.0,2023-07-13")))
        .hasMessage("column 'tiny' (TINYINT): 128 is out of range [-128, 127]");
    assertThatThrownBy(() -> convert(CSV_VALUE, schema, record(null, "1,yes,1.0,2023-07-13")))
        .hasMessage("column 'flag' (BOOLEAN): 'yes' is not a boolean (true or false)");
    assertThatThrownBy(() -> convert(CSV_VALUE, schema, record(null, "1,true,1000.0,2023-07-13")))
        .hasMessageStartingWith("column 'amount' (DECIMAL(4,1)): ")
        .hasMessageContaining("more than 3 integer digits");
    assertThatThrownBy(() -> convert(CSV_VALUE, schema, record(null, "1,true,1.0,2023-02-30")))
        .hasMessage("column 'day' (DATE): '2023-02-30' is not a date yyyy-MM-dd");
  }

  @Test
  void nestedColumnsTakeJsonFields() {
    TableSchema schema = table(
        col("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.BIGINT)),
        col("attrs", TypeInfoFactory.getMapTypeInfo(TypeInfoFactory.STRING, TypeInfoFactory.STRING)),
        col("addr", TypeInfoFactory.getStructTypeInfo(Arrays.asList("city", "zip"),
            Arrays.asList(TypeInfoFactory.STRING, TypeInfoFactory.INT))));

    ArrayRecord row = convert(CSV_VALUE, schema,
        record(null, "\"[1,2]\",\"{\"\"k\"\":\"\"v\"\"}\",\"{\"\"city\"\":\"\"beijing\"\",\"\"zip\"\":100000}\""));

    assertThat(row.getArray("tags")).isEqualTo(List.of(1L, 2L));
    assertThat(row.getMap("attrs")).isEqualTo(Map.of("k", "v"));
    SimpleStruct addr = (SimpleStruct) row.getStruct("addr");
    assertThat(addr.getFieldValues()).containsExactly("beijing", 100000);
  }

  @Test
  void byteArrayLinesAreDecoded() {
    ArrayRecord row = convert(CSV_VALUE, TABLE_CSV,
        record(null, "1,北京,中国".getBytes(StandardCharsets.UTF_8)));

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, 1L, "北京", "中国");
  }
}
