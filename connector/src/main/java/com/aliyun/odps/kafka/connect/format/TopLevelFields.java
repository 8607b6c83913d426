package com.aliyun.odps.kafka.connect.format;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The top-level fields of a message part as plain values: a JSON object (text or UTF-8 bytes), a
 * schemaless map or a Connect Struct. What FLATTEN writes, and what a change event is read from.
 */
final class TopLevelFields {
  private TopLevelFields() {
  }

  /**
   * @param what names the data in error messages, e.g. "message value"
   * @throws RecordConversionException when the data is not an object of fields
   */
  static Map<?, ?> of(Object data, Schema schema, String what) {
    if (data == null) {
      throw new RecordConversionException("FLATTEN: " + what + " is null; it needs a JSON object");
    }
    Object plain;
    if (data instanceof String || data instanceof byte[] || data instanceof ByteBuffer) {
      plain = JsonCodec.parse(MessageText.of(data, what), what);
    } else if (data instanceof Struct || data instanceof Map) {
      plain = ConnectValueNormalizer.normalize(data, schema);
    } else {
      plain = data;
    }
    if (!(plain instanceof Map)) {
      throw new RecordConversionException("FLATTEN: " + what + " must be a JSON object or a Struct, not a "
          + (plain == null ? "JSON null" : ColumnValueCoercer.kind(plain)));
    }
    return (Map<?, ?>) plain;
  }
}
