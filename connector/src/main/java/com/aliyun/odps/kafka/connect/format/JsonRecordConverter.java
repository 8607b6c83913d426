package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.SimpleJsonValue;
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
    String json = jsonText(data, schema, what);
    return column.getTypeInfo().getOdpsType() == OdpsType.JSON ? new SimpleJsonValue(json) : json;
  }

  private static String jsonText(Object data, Schema schema, String what) {
    if (data instanceof String) {
      return JsonCodec.validate((String) data, what);
    }
    if (data instanceof byte[] || data instanceof ByteBuffer) {
      return JsonCodec.validate(MessageText.of(data, what), what);
    }
    return JsonCodec.write(ConnectValueNormalizer.normalize(data, schema), what);
  }
}
