package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.convert;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.JsonValue;
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
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class FlattenRecordConverterTest {
  /** The document's table_flatten. */
  private static final TableSchema TABLE_FLATTEN =
      table(col("id", OdpsType.BIGINT), string("name"), col("extendinfo", OdpsType.JSON));
  private static final SinkSettings FLATTEN = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();

  private static ArrayRecord flatten(TableSchema schema, Object value) {
    return convert(FLATTEN, schema, record(null, value));
  }

  @Test
  void documentExampleWritesNestedObjectAsJson() {
    ArrayRecord first = convert(FLATTEN, TABLE_FLATTEN, record("topic_flatten", 0, 0, "123",
        "{\"id\":123,\"name\":\"json-1\",\"extendinfo\":{\"region\":\"beijing\",\"sex\":\"M\"}}"));
    ArrayRecord second = convert(FLATTEN, TABLE_FLATTEN, record("topic_flatten", 0, 1, "456",
        "{\"id\":456,\"name\":\"json-2\",\"extendinfo\":{\"region\":\"hangzhou\",\"sex\":\"W\"}}"));

    assertThat(first.getString("topic")).isEqualTo("topic_flatten");
    assertThat(first.getBigint("id")).isEqualTo(123L);
    assertThat(first.getString("name")).isEqualTo("json-1");
    JsonValue extendinfo = first.getJsonValue("extendinfo");
    assertThat(extendinfo.get("region").getAsString()).isEqualTo("beijing");
    assertThat(extendinfo.get("sex").getAsString()).isEqualTo("M");
    assertThat(extendinfo.toString()).isEqualTo("{\"region\":\"beijing\",\"sex\":\"M\"}");
    assertThat(second.getBigint("offset")).isEqualTo(1L);
    assertThat(second.getJsonValue("extendinfo").get("region").getAsString()).isEqualTo("hangzhou");
  }

  @Test
  void documentAbnormalExampleIsRejectedNamingTheUnknownKey() {
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":101,\"name\":\"json-4\",\"extendinfos\":\"null\"}"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessage("FLATTEN: field 'extendinfos' has no column in the table");
  }

  @Test
  void missingKeyIsNullAndNothingCarriesOverBetweenRecords() {
    RecordConverter converter = RecordConverters.create(FLATTEN, TABLE_FLATTEN);
    ArrayRecord full = new ArrayRecord(TABLE_FLATTEN);
    ArrayRecord partial = new ArrayRecord(TABLE_FLATTEN);
    converter.convert(record(null, "{\"id\":1,\"name\":\"a\",\"extendinfo\":{\"x\":1}}"), full);
    converter.convert(record(null, "{\"id\":2}"), partial);

    assertThat(partial.getBigint("id")).isEqualTo(2L);
    assertThat(partial.getString("name")).isNull();
    assertThat(partial.get("extendinfo")).isNull();
    assertThat(full.getString("name")).isEqualTo("a");
  }

  @Test
  void keysMatchColumnsCaseInsensitively() {
    ArrayRecord row = flatten(TABLE_FLATTEN, "{\"ID\":5,\"Name\":\"x\"}");

    assertThat(row.getBigint("id")).isEqualTo(5L);
    assertThat(row.getString("name")).isEqualTo("x");
  }

  @Test
  void keysDifferingOnlyInCaseAreRejected() {
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":5,\"ID\":6}"))
        .hasMessage("FLATTEN: field 'ID' is given twice (names differ only in case)");
  }

  @Test
  void metaColumnNamesCannotBeOverwritten() {
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":5,\"offset\":99}"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("field 'offset' has the name of a meta column");
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"Topic\":\"forged\"}"))
        .hasMessageContaining("field 'Topic' has the name of a meta column");
  }

  @Test
  void jsonTextIsReadFieldByFieldIntoTheValuesItsParsedObjectGives() {
    TableSchema schema = table(col("id", OdpsType.BIGINT), string("name"), col("extendinfo", OdpsType.JSON),
        col("tags", OdpsType.JSON), col("n", OdpsType.JSON), col("d", OdpsType.DECIMAL), string("s"));
    String text = "{ \"id\" : 7, \"extendinfo\": {\"price\": 1.50, \"big\": 1e3, \"huge\": 123456789012345678901234,"
        + " \"neg\": -2, \"t\": true, \"f\": false, \"none\": null, \"esc\": \"a\\\"b\\u00e9\\n\","
        + " \"nested\": {\"list\": [1, [2.25, {}], []]}}, \"tags\": [\"x\", 1, null], \"n\": 12.0,"
        + " \"d\": 3.14159, \"s\": {\"k\": [1.0]}, \"name\": \"n\u00e4me\"}";
    RecordConverter converter = RecordConverters.create(FLATTEN, schema);
    ArrayRecord streamed = new ArrayRecord(schema);
    ArrayRecord parsed = new ArrayRecord(schema);

    converter.convert(record(null, text), streamed);
    ((FlattenRecordConverter) converter).convert(record(null, text),
        TopLevelFields.of(text, null, "message value"), parsed);

    for (int i = 0; i < schema.getColumns().size(); i++) {
      assertThat(String.valueOf(streamed.get(i))).as(schema.getColumn(i).getName())
          .isEqualTo(String.valueOf(parsed.get(i)));
    }
    assertThat(streamed.getJsonValue("extendinfo").toString()).isEqualTo("{\"price\":1.50,\"big\":1000,"
        + "\"huge\":123456789012345678901234,\"neg\":-2,\"t\":true,\"f\":false,\"none\":null,"
        + "\"esc\":\"a\\\"bé\\n\",\"nested\":{\"list\":[1,[2.25,{}],[]]}}");
  }

  @Test
  void compactNestedTextIsTakenAsItStandsAndAnyOtherSpellingAsTheWriterSpellsIt() {
    TableSchema schema = table(col("id", OdpsType.BIGINT), col("extendinfo", OdpsType.JSON));
    RecordConverter converter = RecordConverters.create(FLATTEN, schema);
    for (String nested : List.of("{\"region\":\"r-1\",\"t\":true,\"f\":false,\"n\":null,\"d\":-1.50,\"a\":[1,[]]}",
        "[\"e\",\"E 1\",12,-3,{}]", "{\"x\":-0}", "{\"x\":-0.0}", "{\"x\":1e3}", "{\"x\":2.5E-1}",
        "{\"x\":\"\\u0041\\/\"}", "{\"x\": 1}", "{\"x\":[1,\n2]}")) {
      String text = "{\"id\":1,\"extendinfo\":" + nested + "}";
      ArrayRecord streamed = new ArrayRecord(schema);
      ArrayRecord parsed = new ArrayRecord(schema);

      converter.convert(record(null, text), streamed);
      ((FlattenRecordConverter) converter).convert(record(null, text),
          TopLevelFields.of(text, null, "message value"), parsed);

      assertThat(streamed.get("extendinfo").toString()).as(nested).isEqualTo(parsed.get("extendinfo").toString());
      assertThat(streamed.getJsonValue("extendinfo").isJsonObject()).as(nested).isEqualTo(nested.startsWith("{"));
    }
    assertThat(flatten(schema, "{\"extendinfo\":{\"x\":-0.0,\"y\":1e3,\"z\":\"\\u0041\"}}").get("extendinfo").toString())
        .isEqualTo("{\"x\":0.0,\"y\":1000,\"z\":\"A\"}");
    assertThatThrownBy(() -> flatten(schema, "{\"extendinfo\":{\"x\":{\"k\":1,\"k\":2}}}"))
        .hasMessageStartingWith("message value is not valid JSON");
  }

  @Test
  void trailingTextAfterTheObjectIsRejected() {
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":1} {\"id\":2}"))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("message value is not valid JSON: trailing token");
  }

  @Test
  void nonObjectsAndInvalidJsonAreRejected() {
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "[1,2]"))
        .hasMessageContaining("must be a JSON object or a Struct, not a JSON array");
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":"))
        .hasMessageContaining("message value is not valid JSON");
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, null))
        .hasMessageContaining("message value is null");
    assertThatThrownBy(() -> flatten(TABLE_FLATTEN, "{\"id\":1,\"id\":2}"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void valuesAreCheckedAgainstColumnTypes() {
    TableSchema schema = table(col("tiny", OdpsType.TINYINT), col("n", OdpsType.BIGINT),
        col("d", TypeInfoFactory.getDecimalTypeInfo(4, 2)), col("b", OdpsType.BOOLEAN));

    assertThatThrownBy(() -> flatten(schema, "{\"tiny\":128}"))
        .hasMessage("column 'tiny' (TINYINT): 128 is out of range [-128, 127]");
    assertThatThrownBy(() -> flatten(schema, "{\"n\":1.5}"))
        .hasMessage("column 'n' (BIGINT): 1.5 is not an integer");
    assertThatThrownBy(() -> flatten(schema, "{\"n\":true}"))
        .hasMessage("column 'n' (BIGINT): cannot take a boolean");
    assertThatThrownBy(() -> flatten(schema, "{\"n\":{\"a\":1}}"))
        .hasMessage("column 'n' (BIGINT): cannot take a JSON object / struct");
    assertThatThrownBy(() -> flatten(schema, "{\"d\":123.4}"))
        .hasMessageContaining("column 'd' (DECIMAL(4,2)): 123.4 has more than 2 integer digits");
    assertThatThrownBy(() -> flatten(schema, "{\"b\":\"yes\"}"))
        .hasMessage("column 'b' (BOOLEAN): 'yes' is not a boolean (true or false)");
    assertThatThrownBy(() -> flatten(schema, "{\"b\":1}"))
        .hasMessage("column 'b' (BOOLEAN): cannot take a number (1)");
  }

  @Test
  void stringsAreParsedIntoTypedColumns() {
    TableSchema schema = table(col("n", OdpsType.BIGINT), col("d", TypeInfoFactory.getDecimalTypeInfo(10, 3)),
        col("b", OdpsType.BOOLEAN), col("day", OdpsType.DATE), col("at", OdpsType.DATETIME));

    ArrayRecord row = flatten(schema,
        "{\"n\":\"42\",\"d\":\"1.5\",\"b\":\"TRUE\",\"day\":\"2023-07-13\",\"at\":\"2023-07-13 21:13:00\"}");

    assertThat(row.toArray()).containsExactly("topic_test", 0L, 0L, 42L, new BigDecimal("1.5"), true,
        LocalDate.of(2023, 7, 13), ZonedDateTime.of(2023, 7, 13, 21, 13, 0, 0, FormatFixtures.SHANGHAI));
  }

  @Test
  void decimalsKeepTheirDigitsFromJsonText() {
    TableSchema schema = table(col("d", TypeInfoFactory.getDecimalTypeInfo(38, 18)), col("x", OdpsType.DOUBLE));

    ArrayRecord row = flatten(schema, "{\"d\":12345678901234567890.123456789012345678,\"x\":0.1}");

    assertThat(row.getDecimal("d")).isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
    assertThat(row.getDouble("x")).isEqualTo(0.1d);
  }

  @Test
  void nestedValuesIntoStringColumnsAreJsonText() {
    TableSchema schema = table(string("extendinfo"), string("n"));

    ArrayRecord row = flatten(schema, "{\"extendinfo\":{\"region\":\"beijing\",\"tags\":[1,2]},\"n\":12.50}");

    assertThat(row.getString("extendinfo")).isEqualTo("{\"region\":\"beijing\",\"tags\":[1,2]}");
    assertThat(row.getString("n")).isEqualTo("12.50");
  }

  @Test
  void stringIntoJsonColumnIsAJsonString() {
    ArrayRecord row = flatten(TABLE_FLATTEN, "{\"extendinfo\":\"null\"}");

    assertThat(row.getJsonValue("extendinfo").toString()).isEqualTo("\"null\"");
  }

  @Test
  void arraysMapsAndStructsIntoComplexColumns() {
    TableSchema schema = table(
        col("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING)),
        col("scores", TypeInfoFactory.getMapTypeInfo(TypeInfoFactory.STRING, TypeInfoFactory.INT)),
        col("addr", TypeInfoFactory.getStructTypeInfo(Arrays.asList("city", "zip", "geo"),
            Arrays.asList(TypeInfoFactory.STRING, TypeInfoFactory.INT,
                TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.DOUBLE)))));

    ArrayRecord row = flatten(schema, "{\"tags\":[\"a\",null,\"c\"],\"scores\":{\"math\":90,\"art\":75},"
        + "\"addr\":{\"CITY\":\"beijing\",\"geo\":[39.9,116.4]}}");

    assertThat(row.getArray("tags")).containsExactly("a", null, "c");
    assertThat(row.getMap("scores")).isEqualTo(Map.of("math", 90, "art", 75));
    SimpleStruct addr = (SimpleStruct) row.getStruct("addr");
    assertThat(addr.getFieldValue("city")).isEqualTo("beijing");
    assertThat(addr.getFieldValue("zip")).isNull();
    assertThat(addr.getFieldValue("geo")).isEqualTo(List.of(39.9, 116.4));
  }

  @Test
  void complexColumnErrorsNameThePathInside() {
    TableSchema schema = table(
        col("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.TINYINT)),
        col("addr", TypeInfoFactory.getStructTypeInfo(Arrays.asList("city"), Arrays.asList(TypeInfoFactory.STRING))));

    assertThatThrownBy(() -> flatten(schema, "{\"tags\":[1,300]}"))
        .hasMessage("column 'tags[1]' (TINYINT): 300 is out of range [-128, 127]");
    assertThatThrownBy(() -> flatten(schema, "{\"addr\":{\"city\":\"x\",\"street\":\"y\"}}"))
        .hasMessage("column 'addr' (STRUCT<city:STRING>): the struct has no field 'street'");
    assertThatThrownBy(() -> flatten(schema, "{\"tags\":\"1,2\"}"))
        .hasMessage("column 'tags' (ARRAY<TINYINT>): cannot take a string");
  }

  @Test
  void schemalessMapIsFlattened() {
    Map<String, Object> value = new HashMap<>();
    value.put("id", 123L);
    value.put("name", "json-1");
    value.put("extendinfo", new LinkedHashMap<>(Map.of("region", "beijing")));

    ArrayRecord row = convert(FLATTEN, TABLE_FLATTEN, withValue(null, value));

    assertThat(row.getBigint("id")).isEqualTo(123L);
    assertThat(row.getString("name")).isEqualTo("json-1");
    assertThat(row.getJsonValue("extendinfo").toString()).isEqualTo("{\"region\":\"beijing\"}");
  }

  @Test
  void structIsFlattenedWithLogicalTypes() {
    Schema addressSchema = SchemaBuilder.struct()
        .field("city", Schema.STRING_SCHEMA).field("zip", Schema.OPTIONAL_INT32_SCHEMA).build();
    Schema schema = SchemaBuilder.struct()
        .field("id", Schema.INT32_SCHEMA)
        .field("price", Decimal.schema(2))
        .field("day", Date.SCHEMA)
        .field("at", Timestamp.SCHEMA)
        .field("at_ntz", Timestamp.SCHEMA)
        .field("at_text", Timestamp.SCHEMA)
        .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
        .field("address", addressSchema)
        .field("extendinfo", addressSchema)
        .field("raw", Schema.BYTES_SCHEMA)
        .build();
    java.util.Date at = new java.util.Date(1_689_254_000_000L);
    Struct value = new Struct(schema)
        .put("id", 7)
        .put("price", new BigDecimal("9.99"))
        .put("day", new java.util.Date(19_551L * 86_400_000L))
        .put("at", at).put("at_ntz", at).put("at_text", at)
        .put("tags", List.of("x", "y"))
        .put("address", new Struct(addressSchema).put("city", "beijing").put("zip", 100000))
        .put("extendinfo", new Struct(addressSchema).put("city", "hangzhou"))
        .put("raw", new byte[] {1, 2});
    TableSchema table = table(col("id", OdpsType.BIGINT), col("price", TypeInfoFactory.getDecimalTypeInfo(10, 2)),
        col("day", OdpsType.DATE), col("at", OdpsType.TIMESTAMP), col("at_ntz", OdpsType.TIMESTAMP_NTZ),
        string("at_text"),
        col("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING)),
        col("address", TypeInfoFactory.getStructTypeInfo(Arrays.asList("city", "zip"),
            Arrays.asList(TypeInfoFactory.STRING, TypeInfoFactory.BIGINT))),
        col("extendinfo", OdpsType.JSON), col("raw", OdpsType.BINARY));

    ArrayRecord row = convert(FLATTEN, table, withValue(schema, value));

    assertThat(row.getBigint("id")).isEqualTo(7L);
    assertThat(row.getDecimal("price")).isEqualTo(new BigDecimal("9.99"));
    assertThat(row.getDateAsLocalDate("day")).isEqualTo(LocalDate.of(2023, 7, 13));
    assertThat(row.getTimestampAsInstant("at")).isEqualTo(Instant.ofEpochMilli(1_689_254_000_000L));
    assertThat(row.getTimestampNtz("at_ntz")).isEqualTo(LocalDateTime.of(2023, 7, 13, 13, 13, 20));
    assertThat(row.getString("at_text")).isEqualTo("2023-07-13T13:13:20Z");
    assertThat(row.getArray("tags")).containsExactly("x", "y");
    assertThat(((SimpleStruct) row.getStruct("address")).getFieldValues()).containsExactly("beijing", 100000L);
    assertThat(row.getJsonValue("extendinfo").toString()).isEqualTo("{\"city\":\"hangzhou\",\"zip\":null}");
    assertThat(row.getBinary("raw").data()).containsExactly(1, 2);
  }

  @Test
  void epochMillisGoIntoDatetimeColumns() {
    TableSchema schema = table(col("at", OdpsType.DATETIME));

    ArrayRecord row = flatten(schema, "{\"at\":1689254000000}");

    assertThat(row.getDatetimeAsZonedDateTime("at").toInstant()).isEqualTo(Instant.ofEpochMilli(1_689_254_000_000L));
  }

  @Test
  void modeKeyFlattensTheKey() {
    SinkSettings keyMode = settings(MessageFormat.FLATTEN, MessageMode.KEY).build();

    ArrayRecord row = convert(keyMode, TABLE_FLATTEN, record("{\"id\":1}", "{\"id\":2}"));

    assertThat(row.getBigint("id")).isEqualTo(1L);
  }

  @Test
  void utf8BytesAreParsed() {
    ArrayRecord row = flatten(TABLE_FLATTEN, "{\"name\":\"北京\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(row.getString("name")).isEqualTo("北京");
  }
}
