package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The table a task writes, as read once at start: its names (project, optional schema of the
 * three-layer model, table), its columns and its partition column. Shared by the batch and the
 * streaming writers.
 */
final class TargetTable {
  private final Table table;
  private final String project;
  private final String schemaName;
  private final String tableName;
  private final String displayName;
  private final TableSchema schema;
  /** The partition columns' names, in order; empty for a non-partitioned table. */
  private final List<String> partitionColumns;
  private final List<String> primaryKey;

  private TargetTable(Table table, String project, String schemaName, String tableName, TableSchema schema,
      List<String> primaryKey) {
    this.table = table;
    this.project = project;
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.displayName = schemaName == null ? project + "." + tableName : project + "." + schemaName + "." + tableName;
    this.schema = schema;
    this.partitionColumns = schema.getPartitionColumns().stream().map(Column::getName).collect(Collectors.toList());
    this.primaryKey = primaryKey;
  }

  /**
   * @throws ConnectException when the table can't be read (missing, no permission);
   *     {@link TransientWriteException} when the service is unavailable
   */
  static TargetTable read(Odps odps, SinkSettings settings) {
    String schemaName = settings.schema().isEmpty() ? null : settings.schema();
    Table table = schemaName == null
        ? odps.tables().get(settings.project(), settings.table())
        : odps.tables().get(settings.project(), schemaName, settings.table());
    TableSchema schema;
    List<String> primaryKey;
    try {
      table.reload();
      schema = table.getSchema();
      List<String> key = table.getPrimaryKey();
      primaryKey = key == null ? List.of() : List.copyOf(key);
    } catch (Exception e) {
      throw WriteFailures.classify("Reading table " + settings.project() + "." + settings.table(), e);
    }
    return new TargetTable(table, settings.project(), schemaName, settings.table(), schema, primaryKey);
  }

  Table table() {
    return table;
  }

  String project() {
    return project;
  }

  /** Null when the project has no schema layer (or the default one is meant). */
  String schemaName() {
    return schemaName;
  }

  String tableName() {
    return tableName;
  }

  String displayName() {
    return displayName;
  }

  TableSchema schema() {
    return schema;
  }

  /** The primary-key columns; empty unless the table is a Delta table. */
  List<String> primaryKey() {
    return primaryKey;
  }

  /** The spec of one partition, as {@link #specOf(String, List, String)} makes it for this table. */
  PartitionSpec specOf(String partition) {
    return specOf(displayName, partitionColumns, partition);
  }

  /** "table p.t partition pt='v'", for messages. */
  String where(String partition) {
    return where(displayName, partitionColumns, partition);
  }

  /**
   * The spec of one partition of a table partitioned by {@code partitionColumns}: {@code partition}
   * holds the values of the partition columns in order, '/' between them (a partition value never
   * holds '/'); null for a non-partitioned table.
   */
  static PartitionSpec specOf(String displayName, List<String> partitionColumns, String partition) {
    if (partitionColumns.isEmpty()) {
      if (partition != null) {
        throw new ConnectException("Table " + displayName + " has no partition column; cannot write into partition '" + partition + "'");
      }
      return null;
    }
    String[] values = partition == null ? new String[0] : partition.split("/", -1);
    if (values.length != partitionColumns.size()) {
      throw new ConnectException("Table " + displayName + " is partitioned by " + partitionColumns
          + "; partition '" + partition + "' does not give one value for each");
    }
    PartitionSpec spec = new PartitionSpec();
    for (int i = 0; i < values.length; i++) {
      spec.set(partitionColumns.get(i), values[i]);
    }
    return spec;
  }

  /** "table p.t partition ds='v',hh='w'", for messages. */
  static String where(String displayName, List<String> partitionColumns, String partition) {
    return partition == null ? "table " + displayName
        : "table " + displayName + " partition " + specOf(displayName, partitionColumns, partition);
  }
}
