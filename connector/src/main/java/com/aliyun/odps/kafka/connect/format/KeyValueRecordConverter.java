package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The formats that write the message key and/or value whole into columns {@code key} and
 * {@code value} (TEXT, BINARY, JSON): mode KEY writes only the key, VALUE only the value, DEFAULT
 * both. A null key or value is NULL.
 */
abstract class KeyValueRecordConverter implements RecordConverter {
  static final String KEY = "key";
  static final String VALUE = "value";
  /** What error messages call them; constants, so that no string is built per record. */
  private static final String MESSAGE_KEY = "message " + KEY;
  private static final String MESSAGE_VALUE = "message " + VALUE;

  private final TableColumns columns;
  private final MetaColumns meta;
  private final int keyIndex;
  private final int valueIndex;

  KeyValueRecordConverter(SinkSettings settings, TableColumns columns) {
    this.columns = columns;
    this.meta = new MetaColumns(columns, settings.timeZone());
    MessageMode mode = settings.mode();
    this.keyIndex = mode == MessageMode.VALUE ? -1 : required(columns, KEY);
    this.valueIndex = mode == MessageMode.KEY ? -1 : required(columns, VALUE);
  }

  private static int required(TableColumns columns, String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("the table has no column '" + name + "'");
    }
    return index;
  }

  @Override
  public final void convert(SinkRecord record, Record row) {
    columns.clear(row);
    meta.write(record, row);
    if (keyIndex >= 0) {
      write(row, keyIndex, record.key(), record.keySchema(), MESSAGE_KEY);
    }
    if (valueIndex >= 0) {
      write(row, valueIndex, record.value(), record.valueSchema(), MESSAGE_VALUE);
    }
  }

  /** @param what {@link #MESSAGE_KEY} or {@link #MESSAGE_VALUE}, for error messages */
  private void write(Record row, int index, Object data, Schema schema, String what) {
    if (data == null) {
      return;
    }
    Column column = columns.get(index);
    columns.set(row, index, columnValue(data, schema, column, what));
  }

  /**
   * The value for {@code column} from a non-null key or value.
   *
   * @param what "message key" or "message value", for error messages
   */
  abstract Object columnValue(Object data, Schema schema, Column column, String what);
}
