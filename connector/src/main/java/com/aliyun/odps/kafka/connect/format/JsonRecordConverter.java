package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.nio.ByteBuffer;
import org.apache.kafka.connect.data.Schema;

/**
 * JSON: the whole key/value as JSON text into a STRING or JSON column. Text (String, UTF-8 bytes)
 * must already be one valid JSON document and is written unchanged; structured data (Struct,
 * Map, List) and numbers or booleans are serialized compactly.
 */
final class JsonRecordConverter extends KeyValueRecordConverter {
  JsonRecordConverter(SinkSettings settings, TableColumns columns) {
    super(settings, columns);
  }

  @Override
  Object columnValue(Object data, Schema schema, Column column, String what) {
    boolean jsonColumn = column.getTypeInfo().getOdpsType() == OdpsType.JSON;
    if (data instanceof String || data instanceof byte[] || data instanceof ByteBuffer) {
      String text = data instanceof String ? (String) data : MessageText.of(data, what);
      return jsonColumn ? JsonCodec.checked(text, what) : JsonCodec.validate(text, what);
    }
    Object normalized = ConnectValueNormalizer.normalize(data, schema);
    return jsonColumn ? JsonCodec.checkedWrite(normalized, what) : JsonCodec.write(normalized, what);
  }
}
