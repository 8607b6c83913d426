package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;

/** BINARY: key/value bytes into BINARY columns; a string is written as its UTF-8 bytes. */
final class BinaryRecordConverter extends KeyValueRecordConverter {
  BinaryRecordConverter(SinkSettings settings, TableColumns columns) {
    super(settings, columns);
  }

  @Override
  Object columnValue(Object data, Schema schema, Column column, String what) {
    if (data instanceof byte[]) {
      return new Binary((byte[]) data);
    }
    if (data instanceof ByteBuffer) {
      return new Binary(MessageText.bytesOf((ByteBuffer) data));
    }
    if (data instanceof String) {
      return new Binary(((String) data).getBytes(StandardCharsets.UTF_8));
    }
    throw new RecordConversionException(what + " is a " + data.getClass().getName()
        + "; BINARY takes bytes or a string (use ByteArrayConverter)");
  }
}
