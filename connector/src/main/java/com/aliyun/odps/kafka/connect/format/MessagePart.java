package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.kafka.connect.config.MessageMode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The one part of a message that CSV and FLATTEN read: the key in mode KEY, otherwise the value
 * (DEFAULT, "both", has no meaning for one-part formats; the configuration rejects it and the
 * value is the sensible reading if it gets here anyway).
 */
final class MessagePart {
  private final boolean key;

  MessagePart(MessageMode mode) {
    this.key = mode == MessageMode.KEY;
  }

  Object data(SinkRecord record) {
    return key ? record.key() : record.value();
  }

  Schema schema(SinkRecord record) {
    return key ? record.keySchema() : record.valueSchema();
  }

  String name() {
    return key ? "message key" : "message value";
  }
}
