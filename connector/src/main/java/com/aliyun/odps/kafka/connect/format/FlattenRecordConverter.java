package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
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
    convert(record, TopLevelFields.of(part.data(record), part.schema(record), part.name()), row);
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
      String name = (String) entry.getKey();
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
      Column column = columns.get(index);
      columns.set(row, index, coercer.coerce(entry.getValue(), column.getTypeInfo(), column.getName()));
    }
  }
}
