package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.convert;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryRecordConverterTest {
  private static final TableSchema TABLE = table(col("key", OdpsType.BINARY), col("value", OdpsType.BINARY));

  @Test
  void bytesGoIntoBinaryColumnsUnchanged() {
    byte[] value = {0, (byte) 0xFF, 0x10, (byte) 0xC3};
    ArrayRecord row = convert(settings(MessageFormat.BINARY, MessageMode.DEFAULT).build(), TABLE,
        record(ByteBuffer.wrap(new byte[] {1, 2}), value));

    assertThat(row.getBinary("key")).isEqualTo(new Binary(new byte[] {1, 2}));
    assertThat(row.getBinary("value").data()).containsExactly(0, (byte) 0xFF, 0x10, (byte) 0xC3);
  }

  @Test
  void stringsAreWrittenAsUtf8Bytes() {
    ArrayRecord row = convert(settings(MessageFormat.BINARY, MessageMode.VALUE).build(), TABLE, record("k", "é"));

    assertThat(row.getBinary("key")).isNull();
    assertThat(row.getBinary("value").data()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void otherTypesAreRejected() {
    assertThatThrownBy(() -> convert(settings(MessageFormat.BINARY, MessageMode.VALUE).build(), TABLE, record(null, 5)))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("BINARY takes bytes or a string");
  }
}
