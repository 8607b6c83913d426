package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The columns of a table made for the records a connector writes (auto.create), and the columns a
 * FLATTEN record needs beyond a table's (auto.evolve): what the configured format writes, so that
 * {@link TableRequirements} accepts the table and the converters fill every field.
 */
public final class TableLayouts {
  private TableLayouts() {
  }

  /**
   * The table to create for {@code record}: the meta columns (no {@code insert_time}), the format's
   * columns, the partition columns (all STRING; {@code pt} unless partition.columns names them),
   * and with write.mode UPSERT the primary-key columns NOT NULL.
   *
   * @throws RecordConversionException when the record cannot lay out a table (FLATTEN: a value that
   *     is null or not an object; a primary-key column the record lacks)
   * @throws IllegalArgumentException for format CSV, whose columns are not in the record
   */
  public static TableSchema forRecord(SinkSettings settings, SinkRecord record) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(MetaColumns.TOPIC, TypeInfoFactory.STRING));
    columns.add(new Column(MetaColumns.PARTITION, TypeInfoFactory.BIGINT));
    columns.add(new Column(MetaColumns.OFFSET, TypeInfoFactory.BIGINT));
    columns.addAll(formatColumns(settings, record));
    if (settings.writeMode() == WriteMode.UPSERT) {
      requireKeyColumns(columns, settings.tableRouting().primaryKey());
    }
    TableSchema schema = new TableSchema();
    columns.forEach(schema::addColumn);
    partitionColumnNames(settings).forEach(name -> schema.addPartitionColumn(new Column(name, TypeInfoFactory.STRING)));
    return schema;
  }

  /**
   * FLATTEN: the record's fields without a column in {@code table} (names compared
   * case-insensitively), as nullable columns in field order; empty when there are none, for a
   * record that writes no fields (an upsert's delete by key) and for the other formats.
   *
   * @throws RecordConversionException when the record's value (or key, mode KEY) is not an object
   */
  public static List<Column> newColumns(SinkSettings settings, TableSchema table, SinkRecord record) {
    if (settings.format() != MessageFormat.FLATTEN) {
      return List.of();
    }
    TableColumns existing = new TableColumns(table);
    RecordFieldColumns fields = RecordFieldColumns.of(settings, record, existing);
    if (fields == null) {
      return List.of();
    }
    return fields.columns().stream().filter(c -> !existing.contains(c.getName())).collect(Collectors.toList());
  }

  private static List<Column> formatColumns(SinkSettings settings, SinkRecord record) {
    switch (settings.format()) {
      case TEXT:
      case JSON:
        return keyValueColumns(settings.mode(), TypeInfoFactory.STRING);
      case BINARY:
        return keyValueColumns(settings.mode(), TypeInfoFactory.BINARY);
      case FLATTEN:
        RecordFieldColumns fields = RecordFieldColumns.of(settings, record, new TableColumns(new TableSchema()));
        if (fields == null) {
          throw new RecordConversionException("FLATTEN: the record writes no fields (a delete by key), so no"
              + " table can be laid out from it");
        }
        return fields.columns();
      case CSV:
        throw new IllegalArgumentException("a table cannot be laid out for CSV: its columns are not in the record");
      default:
        throw new IllegalArgumentException("unknown format " + settings.format());
    }
  }

  private static List<Column> keyValueColumns(MessageMode mode, TypeInfo type) {
    List<Column> columns = new ArrayList<>();
    if (mode != MessageMode.VALUE) {
      columns.add(new Column(KeyValueRecordConverter.KEY, type));
    }
    if (mode != MessageMode.KEY) {
      columns.add(new Column(KeyValueRecordConverter.VALUE, type));
    }
    return columns;
  }

  /** A Delta table's key columns may not be NULL; each must be a column the record fills. */
  private static void requireKeyColumns(List<Column> columns, List<String> primaryKey) {
    for (String key : primaryKey) {
      Column column = columns.stream().filter(c -> c.getName().equalsIgnoreCase(key)).findFirst()
          .orElseThrow(() -> new RecordConversionException("primary-key column '" + key
              + "' (auto.create.primary.key) is not a field of the record"));
      column.setNullable(false);
    }
  }

  private static List<String> partitionColumnNames(SinkSettings settings) {
    List<PartitionColumnRule> rules = settings.partitionRules().columns();
    if (rules.isEmpty()) {
      return List.of(TableRequirements.PARTITION_COLUMN);
    }
    return rules.stream().map(PartitionColumnRule::column).collect(Collectors.toList());
  }
}
