package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * auto.evolve: the columns a record's fields need that one table does not have yet. Asked for
 * every record, so the common answer, "none", is cheap: a Struct whose schema was seen already, or
 * a map whose keys are all columns, is not laid out again. JSON text is read whole each time.
 * Not thread-safe: one per table, on the task's thread.
 */
public final class NewFieldColumns {
  private final SinkSettings settings;
  private final TableSchema table;
  private final TableColumns columns;
  private final MessagePart part;
  /** The last Struct schema whose fields are all columns. */
  private Schema lastFittingSchema;

  public NewFieldColumns(SinkSettings settings, TableSchema table) {
    this.settings = settings;
    this.table = table;
    this.columns = new TableColumns(table);
    this.part = new MessagePart(settings.mode());
  }

  /**
   * The nullable columns to add for the record's new fields, in field order; empty when none, and
   * when the record can't be read (the conversion routes it, with its reason).
   */
  public List<Column> of(SinkRecord record) {
    Object data = part.data(record);
    Schema schema = part.schema(record);
    if (data instanceof Struct && schema != null && schema == lastFittingSchema) {
      return List.of();
    }
    if (data instanceof Map && ((Map<?, ?>) data).keySet().stream().allMatch(k -> k != null && isColumn(k.toString()))) {
      return List.of();
    }
    List<Column> added;
    try {
      added = TableLayouts.newColumns(settings, table, record);
    } catch (RecordConversionException e) {
      return List.of();
    }
    if (added.isEmpty() && data instanceof Struct && schema != null && !isChangeEvent(schema)) {
      lastFittingSchema = schema;
    }
    return added;
  }

  private boolean isColumn(String name) {
    return columns.contains(name) || MetaColumns.isMeta(name);
  }

  /** A Debezium envelope's fields are not the row's: its images are read each time. */
  private static boolean isChangeEvent(Schema schema) {
    return schema.type() == Schema.Type.STRUCT && schema.fields().stream().map(Field::name).anyMatch("after"::equals);
  }
}
