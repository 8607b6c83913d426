package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.type.TypeInfo;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * FLATTEN: the top-level fields of a JSON object (text or UTF-8 bytes), a schemaless map or a
 * Connect Struct onto the columns of the same name, case-insensitively; values converted by
 * {@link ColumnValueCoercer}. A column without a field is NULL. A field without a column fails the
 * record (the product document's error-topic example relies on it), and so does a field named
 * like a meta column, which the message must not overwrite.
 */
final class FlattenRecordConverter implements RecordConverter {
  private final TableColumns columns;
  private final MetaColumns meta;
  private final MessagePart part;
  private final ColumnValueCoercer coercer;

  FlattenRecordConverter(SinkSettings settings, TableColumns columns) {
    this.columns = columns;
    this.meta = new MetaColumns(columns, settings.timeZone());
    this.part = new MessagePart(settings.mode());
    this.coercer = new ColumnValueCoercer(new ColumnValueParser(settings.timeZone()), settings.timeZone());
  }

  @Override
  public void convert(SinkRecord record, Record row) {
    Object data = part.data(record);
    if ((data instanceof String || data instanceof byte[] || data instanceof ByteBuffer)
        && convertText(record, MessageText.of(data, part.name()), row)) {
      return;
    }
    convert(record, TopLevelFields.of(data, part.schema(record), part.name()), row);
  }

  /**
   * Fills the row from {@code fields} (plain values, as {@link TopLevelFields} gives them) onto the
   * columns of the same name, and the meta columns from {@code record}: a change event's row image.
   */
  void convert(SinkRecord record, Map<?, ?> fields, Record row) {
    columns.clear(row);
    meta.write(record, row);
    boolean[] written = new boolean[columns.all().size()];
    for (Map.Entry<?, ?> entry : fields.entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw new RecordConversionException("FLATTEN: " + part.name() + " has a non-text field name " + entry.getKey());
      }
      int index = columnOf((String) entry.getKey(), written);
      Column column = columns.get(index);
      columns.set(row, index, coercer.coerce(entry.getValue(), column.getTypeInfo(), column.getName()));
    }
  }

  /**
   * A JSON object's text read field by field, as {@link #convert(SinkRecord, Map, Record)} takes
   * the parsed object (same checks, same values), without building the object first: an object or
   * array bound for a JSON column is copied as text, only other values are built.
   *
   * @return false, having written nothing, when the text is not a JSON object
   */
  private boolean convertText(SinkRecord record, String text, Record row) {
    columns.clear(row);
    boolean[] written = new boolean[columns.all().size()];
    boolean object = JsonCodec.forEachField(text, part.name(), (name, value) -> {
      int index = columnOf(name, written);
      Column column = columns.get(index);
      TypeInfo type = column.getTypeInfo();
      JsonToken first = value.currentToken();
      Object converted = type.getOdpsType() == OdpsType.JSON
          && (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY)
          ? JsonCodec.copyValue(value, text)
          : coercer.coerce(JsonCodec.readValue(value), type, column.getName());
      columns.set(row, index, converted);
    });
    if (object) {
      meta.write(record, row);
    }
    return object;
  }

  /** The column a message field goes to, marked written; fails for a field FLATTEN may not write. */
  private int columnOf(String name, boolean[] written) {
    if (MetaColumns.isMeta(name)) {
      throw new RecordConversionException("FLATTEN: field '" + name
          + "' has the name of a meta column, which the connector fills itself");
    }
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new RecordConversionException("FLATTEN: field '" + name + "' has no column in the table");
    }
    if (written[index]) {
      throw new RecordConversionException("FLATTEN: field '" + name + "' is given twice (names differ only in case)");
    }
    written[index] = true;
    return index;
  }
}
