package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.CdcFormat;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.PrimaryKeySource;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class UpsertRecordConverterTest {
  private static final TableSchema ORDERS = table(col("id", OdpsType.BIGINT), string("name"));
  private static final TableSchema ORDER_LINES = table(col("order_id", OdpsType.BIGINT), col("line", OdpsType.BIGINT),
      string("item"));

  /** A converted row and whether it deletes its key. */
  private static final class Converted {
    final ArrayRecord row;
    final boolean deletes;

    Converted(ArrayRecord row, boolean deletes) {
      this.row = row;
      this.deletes = deletes;
    }
  }

  private static SinkSettings.Builder upsert() {
    return settings(MessageFormat.FLATTEN, MessageMode.VALUE).writeMode(WriteMode.UPSERT);
  }

  private static Converted convert(SinkSettings settings, TableSchema schema, List<String> key, SinkRecord record) {
    ArrayRecord row = new ArrayRecord(schema);
    boolean deletes = RecordConverters.createUpsert(settings, schema, key).convert(record, row);
    return new Converted(row, deletes);
  }

  private static Converted orders(SinkSettings settings, Object key, Object value) {
    return convert(settings, ORDERS, List.of("id"), record(key, value));
  }

  @Test
  void aValueUpsertsItsRow() {
    Converted c = orders(upsert().build(), "1", "{\"id\":1,\"name\":\"a\"}");

    assertThat(c.deletes).isFalse();
    assertThat(c.row.getBigint("id")).isEqualTo(1L);
    assertThat(c.row.getString("name")).isEqualTo("a");
    assertThat(c.row.getString("topic")).isEqualTo("topic_test");
  }

  @Test
  void aTombstoneDeletesTheKeyItsKafkaKeyHolds() {
    Converted c = orders(upsert().build(), "42", null);

    assertThat(c.deletes).isTrue();
    assertThat(c.row.getBigint("id")).isEqualTo(42L);
    assertThat(c.row.getString("name")).isNull();
  }

  @Test
  void aTombstoneWithAJsonKeyFillsACompoundKey() {
    Converted c = convert(upsert().build(), ORDER_LINES, List.of("order_id", "line"),
        record("{\"order_id\":7,\"line\":2}", null));

    assertThat(c.deletes).isTrue();
    assertThat(c.row.getBigint("order_id")).isEqualTo(7L);
    assertThat(c.row.getBigint("line")).isEqualTo(2L);
  }

  @Test
  void aTombstoneWithoutKeyFails() {
    assertThatThrownBy(() -> orders(upsert().build(), null, null))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("Kafka key is null");
  }

  @Test
  void aRowWithoutItsKeyFailsNamingTheColumn() {
    assertThatThrownBy(() -> orders(upsert().build(), "1", "{\"name\":\"no id\"}"))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("primary-key column id is NULL");
  }

  @Test
  void pkSourceKeyOverridesTheValuesKeyFields() {
    SinkSettings byKey = upsert().primaryKeySource(PrimaryKeySource.KEY).build();

    Converted c = orders(byKey, "{\"id\":8}", "{\"id\":999,\"name\":\"eight\"}");

    assertThat(c.row.getBigint("id")).isEqualTo(8L);
    assertThat(c.row.getString("name")).isEqualTo("eight");
  }

  @Test
  void aKafkaKeyFieldThatIsNotAKeyColumnFails() {
    SinkSettings byKey = upsert().primaryKeySource(PrimaryKeySource.KEY).build();

    assertThatThrownBy(() -> orders(byKey, "{\"name\":\"x\"}", "{\"id\":1}"))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("'name' is not a primary-key column");
  }

  @Test
  void aStructKeyFillsTheKeyColumns() {
    Schema keySchema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    SinkRecord record = new SinkRecord("t", 0, keySchema, new Struct(keySchema).put("id", 5L), null, null, 3);

    Converted c = convert(upsert().build(), ORDERS, List.of("id"), record);

    assertThat(c.deletes).isTrue();
    assertThat(c.row.getBigint("id")).isEqualTo(5L);
  }

  // ---- Debezium

  private static final SinkSettings DEBEZIUM = upsert().cdcFormat(CdcFormat.DEBEZIUM).build();

  private static String envelope(String op, String before, String after) {
    return "{\"before\":" + before + ",\"after\":" + after + ",\"op\":\"" + op + "\",\"source\":{\"db\":\"shop\"}}";
  }

  @Test
  void createReadAndUpdateEventsUpsertTheAfterImage() {
    for (String op : List.of("c", "r", "u")) {
      Converted c = orders(DEBEZIUM, "1", envelope(op, "{\"id\":1,\"name\":\"old\"}", "{\"id\":1,\"name\":\"new\"}"));

      assertThat(c.deletes).as(op).isFalse();
      assertThat(c.row.getString("name")).as(op).isEqualTo("new");
    }
  }

  @Test
  void aDeleteEventDeletesTheKeyOfItsBeforeImage() {
    Converted c = orders(DEBEZIUM, "999", envelope("d", "{\"id\":3,\"name\":\"c\"}", "null"));

    assertThat(c.deletes).isTrue();
    assertThat(c.row.getBigint("id")).isEqualTo(3L);
  }

  @Test
  void aDeleteEventWithoutBeforeImageDeletesByTheKafkaKey() {
    Converted c = orders(DEBEZIUM, "{\"id\":4}", envelope("d", "null", "null"));

    assertThat(c.deletes).isTrue();
    assertThat(c.row.getBigint("id")).isEqualTo(4L);
  }

  @Test
  void truncateAndUnknownOperationsFailClearly() {
    assertThatThrownBy(() -> orders(DEBEZIUM, "1", envelope("t", "null", "null")))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("truncate");
    assertThatThrownBy(() -> orders(DEBEZIUM, "1", envelope("x", "null", "{\"id\":1}")))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("op 'x'");
  }

  @Test
  void aStructEnvelopeIsReadLikeItsJson() {
    Schema row = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA).build();
    Schema envelope = SchemaBuilder.struct().field("before", row).field("after", row).field("op", Schema.STRING_SCHEMA).build();
    Struct value = new Struct(envelope).put("after", new Struct(row).put("id", 6L).put("name", "six")).put("op", "c");
    SinkRecord record = new SinkRecord("t", 0, null, null, envelope, value, 9);

    Converted c = convert(DEBEZIUM, ORDERS, List.of("id"), record);

    assertThat(c.deletes).isFalse();
    assertThat(c.row.getBigint("id")).isEqualTo(6L);
    assertThat(c.row.getString("name")).isEqualTo("six");
  }

  @Test
  void theFlattenedFormDeletesOnDeletedFlagOrDeleteOp() {
    assertThat(orders(DEBEZIUM, "1", "{\"id\":1,\"name\":\"a\",\"__deleted\":\"true\"}").deletes).isTrue();
    assertThat(orders(DEBEZIUM, "1", "{\"id\":1,\"name\":\"a\",\"__deleted\":true}").deletes).isTrue();
    assertThat(orders(DEBEZIUM, "1", "{\"id\":1,\"name\":\"a\",\"__op\":\"d\"}").deletes).isTrue();
    assertThat(orders(DEBEZIUM, "1", "{\"id\":1,\"name\":\"a\",\"__deleted\":\"false\",\"__op\":\"u\"}").deletes).isFalse();
  }

  @Test
  void addedDebeziumFieldsAreWrittenOnlyWhereTheTableHasTheirColumn() {
    TableSchema withOp = table(col("id", OdpsType.BIGINT), string("name"), string("__op"));

    Converted c = convert(DEBEZIUM, withOp, List.of("id"),
        record("1", "{\"id\":1,\"name\":\"a\",\"__op\":\"c\",\"__source_ts_ms\":17,\"__deleted\":\"false\"}"));

    assertThat(c.deletes).isFalse();
    assertThat(c.row.getString("__op")).isEqualTo("c");
  }

  @Test
  void withoutCdcFormatAnEnvelopeIsJustFieldsThatDoNotFit() {
    assertThatThrownBy(() -> orders(upsert().build(), "1", envelope("c", "null", "{\"id\":1,\"name\":\"a\"}")))
        .isInstanceOf(RecordConversionException.class).hasMessageContaining("has no column");
  }

  @Test
  void textFormatUpsertsByItsKeyColumn() {
    TableSchema kv = table(string("key"), string("value"));
    SinkSettings text = settings(MessageFormat.TEXT, MessageMode.DEFAULT).writeMode(WriteMode.UPSERT).build();

    Converted c = convert(text, kv, List.of("key"), record("k1", "v1"));

    assertThat(c.deletes).isFalse();
    assertThat(Map.of("key", c.row.getString("key"), "value", c.row.getString("value")))
        .isEqualTo(Map.of("key", "k1", "value", "v1"));
  }
}
