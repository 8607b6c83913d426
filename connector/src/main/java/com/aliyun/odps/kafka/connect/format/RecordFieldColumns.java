package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.kafka.connect.config.CdcFormat;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A column for each top-level field FLATTEN writes from a record, named as the field, in field
 * order: the fields of the value (the key in mode KEY), or with write.mode UPSERT and cdc.format
 * DEBEZIUM those of the event's row image ({@code after}, {@code before} for a delete). Fields
 * named like a meta column are left out (the connector fills those), and so is a second field whose
 * name differs from an earlier one only in case (a table cannot hold both).
 */
final class RecordFieldColumns {
  private final List<Column> columns;

  private RecordFieldColumns(List<Column> columns) {
    this.columns = columns;
  }

  /**
   * @param table the table's columns, which decide which of Debezium's added {@code __} fields count
   * @return null when the record writes no fields: an upsert's delete by key (a tombstone, or a
   *     Debezium delete without a {@code before} image)
   * @throws RecordConversionException when the data is null or not an object (outside those deletes)
   */
  static RecordFieldColumns of(SinkSettings settings, SinkRecord record, TableColumns table) {
    boolean upsert = settings.writeMode() == WriteMode.UPSERT;
    if (upsert && record.value() == null) {
      return null;
    }
    MessagePart part = new MessagePart(settings.mode());
    Schema schema = part.schema(record);
    Map<?, ?> fields = TopLevelFields.of(part.data(record), schema, part.name());
    if (upsert && settings.cdcFormat() == CdcFormat.DEBEZIUM) {
      DebeziumChanges.Event event = new DebeziumChanges(table).read(fields);
      if (event.fields == null) {
        return null;
      }
      schema = rowImageSchema(schema, event.deletes ? "before" : "after");
      fields = event.fields;
    }
    return new RecordFieldColumns(columns(fields, schema));
  }

  List<Column> columns() {
    return columns;
  }

  private static List<Column> columns(Map<?, ?> fields, Schema schema) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String name = String.valueOf(field.getKey());
      if (MetaColumns.isMeta(name) || !seen.add(TableColumns.lower(name))) {
        continue;
      }
      columns.add(new Column(name, FieldColumnTypes.of(fieldSchema(schema, name), field.getValue())));
    }
    return columns;
  }

  /** The Connect schema of a field: a Struct's field, a typed map's values; null when schemaless. */
  private static Schema fieldSchema(Schema schema, String name) {
    if (schema == null) {
      return null;
    }
    if (schema.type() == Schema.Type.STRUCT) {
      Field field = schema.field(name);
      return field == null ? null : field.schema();
    }
    return schema.type() == Schema.Type.MAP ? schema.valueSchema() : null;
  }

  /** The envelope's {@code after} or {@code before} schema; the schema itself for the flattened form. */
  private static Schema rowImageSchema(Schema schema, String image) {
    if (schema == null || schema.type() != Schema.Type.STRUCT || schema.field("op") == null) {
      return schema;
    }
    Field field = schema.field(image);
    return field == null ? schema : field.schema();
  }
}
