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
import com.aliyun.odps.data.JsonValue;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

class JsonRecordConverterTest {
  private static final String DOC_1 = "{\"id\":123,\"name\":\"json-1\",\"region\":\"beijing\"}";
  private static final String DOC_2 = "{\"id\":456,\"name\":\"json-2\",\"region\":\"hangzhou\"}";
  /** The document's table_json: value JSON. */
  private static final TableSchema TABLE_JSON = table(string("key"), col("value", OdpsType.JSON));
  private static final TableSchema TABLE_STRING = table(string("key"), string("value"));
  private static final SinkSettings VALUE_MODE = settings(MessageFormat.JSON, MessageMode.VALUE).build();

  @Test
  void documentExampleIntoAJsonColumn() {
    Record first = convert(VALUE_MODE, TABLE_JSON, record("topic_json", 0, 0, "123", DOC_1));
    Record second = convert(VALUE_MODE, TABLE_JSON, record("topic_json", 0, 1, "456", DOC_2));

    assertThat(first.get("key")).isNull();
    assertThat(first.get("value")).isInstanceOf(JsonValue.class);
    assertThat(first.get("value").toString()).isEqualTo(DOC_1);
    assertThat(((JsonValue) first.get("value")).get("id").getAsNumber().longValue()).isEqualTo(123L);
    assertThat(second.get("value").toString()).isEqualTo(DOC_2);
    assertThat(second.getBigint("offset")).isEqualTo(1L);
  }

  @Test
  void documentExampleIntoAStringColumn() {
    Record row = convert(VALUE_MODE, TABLE_STRING, record("topic_json", 0, 0, "123", DOC_1));

    assertThat(row.get("value")).isEqualTo(DOC_1);
  }

  @Test
  void invalidJsonTextIsRejected() {
    assertThatThrownBy(() -> convert(VALUE_MODE, TABLE_JSON, record(null, "{\"id\":123")))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("message value is not valid JSON");
    assertThatThrownBy(() -> convert(VALUE_MODE, TABLE_JSON, record(null, "abc")))
        .isInstanceOf(RecordConversionException.class);
    assertThatThrownBy(() -> convert(VALUE_MODE, TABLE_JSON, record(null, "{} {}")))
        .isInstanceOf(RecordConversionException.class);
    assertThatThrownBy(() -> convert(VALUE_MODE, TABLE_JSON, record(null, "")))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void utf8BytesAreDecodedAndValidated() {
    Record row = convert(VALUE_MODE, TABLE_JSON, record(null, DOC_1.getBytes(StandardCharsets.UTF_8)));

    assertThat(row.get("value").toString()).isEqualTo(DOC_1);
  }

  @Test
  void schemalessMapsAndListsAreSerialized() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", 123L);
    value.put("tags", List.of("a", "b"));
    value.put("nested", Map.of("x", 1.5));

    Record row = convert(VALUE_MODE, TABLE_STRING, record(null, value));

    assertThat(row.get("value")).isEqualTo("{\"id\":123,\"tags\":[\"a\",\"b\"],\"nested\":{\"x\":1.5}}");
  }

  @Test
  void structsAreSerializedWithReadableLogicalTypes() {
    Schema schema = SchemaBuilder.struct()
        .field("id", Schema.INT64_SCHEMA)
        .field("price", Decimal.schema(2))
        .field("day", Date.SCHEMA)
        .field("at", Timestamp.SCHEMA)
        .field("blob", Schema.BYTES_SCHEMA)
        .field("missing", Schema.OPTIONAL_STRING_SCHEMA)
        .build();
    Struct struct = new Struct(schema)
        .put("id", 123L)
        .put("price", new BigDecimal("12.50"))
        .put("day", new java.util.Date(19_551L * 86_400_000L))
        .put("at", new java.util.Date(1_689_254_000_000L))
        .put("blob", new byte[] {1, 2, 3});

    Record row = convert(VALUE_MODE, TABLE_JSON, withValue(schema, struct));

    assertThat(row.get("value")).isInstanceOf(JsonValue.class);
    assertThat(row.get("value").toString()).isEqualTo(
        "{\"id\":123,\"price\":12.50,\"day\":\"2023-07-13\",\"at\":\"2023-07-13T13:13:20Z\","
            + "\"blob\":\"AQID\",\"missing\":null}");
  }

  @Test
  void modeDefaultWritesBothKeyAndValue() {
    Record row = convert(settings(MessageFormat.JSON, MessageMode.DEFAULT).build(), TABLE_JSON,
        record("{\"k\":1}", DOC_1));

    assertThat(row.get("key")).isEqualTo("{\"k\":1}");
    assertThat(row.get("value").toString()).isEqualTo(DOC_1);
  }

  @Test
  void nullValueIsNull() {
    assertThat(convert(VALUE_MODE, TABLE_JSON, record("k", null)).get("value")).isNull();
  }
}
