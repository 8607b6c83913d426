package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.convert;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class TextRecordConverterTest {
  private static final TableSchema TABLE_TEXT = table(string("key"), string("value"));

  private static Record text(MessageMode mode, Object key, Object value) {
    SinkSettings settings = settings(MessageFormat.TEXT, mode).build();
    return convert(settings, TABLE_TEXT, record("topic_text", 0, 1, key, value));
  }

  @Test
  void documentExampleWithModeValueLeavesKeyNull() {
    SinkSettings settings = settings(MessageFormat.TEXT, MessageMode.VALUE).build();
    Record first = convert(settings, TABLE_TEXT, record("topic_text", 0, 0, "123", "abc"));
    Record second = convert(settings, TABLE_TEXT, record("topic_text", 0, 1, "456", "edf"));

    assertThat(first.toArray()).containsExactly("topic_text", 0L, 0L, null, "abc");
    assertThat(second.toArray()).containsExactly("topic_text", 0L, 1L, null, "edf");
  }

  @Test
  void modeKeyWritesOnlyTheKey() {
    assertThat(text(MessageMode.KEY, "123", "abc").toArray()).containsExactly("topic_text", 0L, 1L, "123", null);
  }

  @Test
  void modeDefaultWritesKeyAndValue() {
    assertThat(text(MessageMode.DEFAULT, "123", "abc").toArray()).containsExactly("topic_text", 0L, 1L, "123", "abc");
  }

  @Test
  void nullKeyAndValueAreNull() {
    assertThat(text(MessageMode.DEFAULT, null, null).toArray()).containsExactly("topic_text", 0L, 1L, null, null);
  }

  @Test
  void utf8BytesAndByteBuffersAreDecoded() {
    Record row = text(MessageMode.DEFAULT, "北京".getBytes(StandardCharsets.UTF_8),
        ByteBuffer.wrap("héllo".getBytes(StandardCharsets.UTF_8)));

    assertThat(row.getString("key")).isEqualTo("北京");
    assertThat(row.getString("value")).isEqualTo("héllo");
  }

  @Test
  void malformedUtf8IsRejected() {
    byte[] invalid = {(byte) 0xC3, (byte) 0x28};
    assertThatThrownBy(() -> text(MessageMode.VALUE, null, invalid))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("message value is not valid UTF-8");
  }

  @Test
  void numbersAndBooleansBecomeText() {
    assertThat(text(MessageMode.DEFAULT, 42L, true).toArray()).containsExactly("topic_text", 0L, 1L, "42", "true");
  }

  @Test
  void structuredDataIsRejectedWithAHint() {
    Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
    Struct struct = new Struct(schema).put("a", 1);

    assertThatThrownBy(() -> text(MessageMode.VALUE, null, struct))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("message value is a org.apache.kafka.connect.data.Struct");
    assertThatThrownBy(() -> text(MessageMode.VALUE, null, Map.of("a", 1)))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("expected a string");
  }

  @Test
  void usedRowIsClearedSoNothingCarriesOver() {
    SinkSettings settings = settings(MessageFormat.TEXT, MessageMode.DEFAULT).build();
    RecordConverter converter = RecordConverters.create(settings, TABLE_TEXT);
    Record row = new com.aliyun.odps.data.ArrayRecord(TABLE_TEXT);
    converter.convert(record("k", "v"), row);
    converter.convert(record(null, "w"), row);

    assertThat(row.getString("key")).isNull();
    assertThat(row.getString("value")).isEqualTo("w");
  }

  @Test
  void sdkLimitsBecomeConversionErrorsNamingTheColumn() {
    String nineMegabytes = "x".repeat(9 * 1024 * 1024);

    assertThatThrownBy(() -> text(MessageMode.VALUE, null, nineMegabytes))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageStartingWith("column 'value' (STRING): ")
        .hasMessageContaining("more than");
  }

  @Test
  void byteBufferIsReadWithoutMovingItsPosition() {
    ByteBuffer buffer = ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8));

    assertThat(text(MessageMode.VALUE, null, buffer).getString("value")).isEqualTo("abc");
    assertThat(buffer.remaining()).isEqualTo(3);
  }
}
