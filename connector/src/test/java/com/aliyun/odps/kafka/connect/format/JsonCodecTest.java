package com.aliyun.odps.kafka.connect.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.type.TypeInfoFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text checked without building it, and JSON column values the SDK's record takes as they are. */
class JsonCodecTest {
  @Test
  void oneDocumentIsTakenUnchangedAndKnownAsObjectOrNot() {
    assertThat(JsonCodec.checked(" {\"a\": [1, {\"b\": null}]} ", "v").toString()).isEqualTo(" {\"a\": [1, {\"b\": null}]} ");
    assertThat(JsonCodec.checked("{\"a\":1}", "v").isJsonObject()).isTrue();
    assertThat(JsonCodec.checked("[1,2]", "v").isJsonObject()).isFalse();
    assertThat(JsonCodec.checked("\"text\"", "v").isJsonObject()).isFalse();
    assertThat(JsonCodec.validate("12.50", "v")).isEqualTo("12.50");
  }

  @Test
  void brokenTrailingEmptyOrDuplicateKeyedTextIsRefusedNamingIt() {
    for (String text : List.of("{\"a\":1", "{\"a\":1} {\"b\":2}", "  ", "{\"a\":1,\"a\":2}", "{a:1}", "[1,]")) {
      assertThatThrownBy(() -> JsonCodec.checked(text, "message value"))
          .as(text)
          .isInstanceOf(RecordConversionException.class)
          .hasMessageStartingWith("message value is not valid JSON");
    }
  }

  @Test
  void onlyCompactTextWithoutEscapesExponentsOrNegativeZerosIsWrittenAsIs() {
    for (String same : List.of("{\"a\":[1,-2,3.50,true,false,null,\"x yé\"]}", "[]",
        "{\"e\":\"1e5\",\"t\":\"-0\"}", "[-10,0.5,-0.5,-0.05]")) {
      assertThat(JsonCodec.writtenAsIs(same)).as(same).isTrue();
    }
    for (String rewritten : List.of("{\"a\": 1}", "[1,\n2]", "[\"\\u0041\"]", "[\"\\/\"]", "[1e5]", "[1.5E-3]", "[-0]",
        "[-0.0]", "[1,-0.00]")) {
      assertThat(JsonCodec.writtenAsIs(rewritten)).as(rewritten).isFalse();
    }
  }

  @Test
  void aWrittenValueIsAnObjectExactlyWhenItWasAMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("region", "hz");
    map.put("n", 2L);

    assertThat(JsonCodec.checkedWrite(map, "c").toString()).isEqualTo("{\"region\":\"hz\",\"n\":2}");
    assertThat(JsonCodec.checkedWrite(map, "c").isJsonObject()).isTrue();
    assertThat(JsonCodec.checkedWrite(List.of(1L), "c").isJsonObject()).isFalse();
  }

  @Test
  void theSdksRecordTakesACheckedValueAndKeepsItsText() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("doc", TypeInfoFactory.JSON));
    ArrayRecord row = new ArrayRecord(schema);

    row.set(0, JsonCodec.checked("{\"k\":[true]}", "doc"));

    assertThat(row.get(0).toString()).isEqualTo("{\"k\":[true]}");
  }
}
