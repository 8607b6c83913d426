package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import org.apache.kafka.connect.data.Schema;

/**
 * TEXT: key/value as text into STRING columns; strings, UTF-8 bytes (malformed bytes rejected),
 * numbers and booleans. Structured data (Struct, Map, List) is rejected: it has no single text
 * form, and JSON or FLATTEN is the format for it.
 */
final class TextRecordConverter extends KeyValueRecordConverter {
  TextRecordConverter(SinkSettings settings, TableColumns columns) {
    super(settings, columns);
  }

  @Override
  Object columnValue(Object data, Schema schema, Column column, String what) {
    return MessageText.of(data, what);
  }
}
