package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Column;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A table a task writes, opened: its MaxCompute adapter, how records become its rows, and (with
 * auto.evolve) which columns a record needs that the table lacks.
 */
final class OpenTable implements AutoCloseable {
  private static final Function<SinkRecord, List<Column>> NO_EVOLUTION = record -> List.of();

  private final String tableName;
  private final MaxComputeTable table;
  private final RowConversion rows;
  private final Function<SinkRecord, List<Column>> newColumns;

  OpenTable(String tableName, MaxComputeTable table, RowConversion rows) {
    this(tableName, table, rows, NO_EVOLUTION);
  }

  /** @param newColumns the columns to add for a record's new fields; empty when none */
  OpenTable(String tableName, MaxComputeTable table, RowConversion rows, Function<SinkRecord, List<Column>> newColumns) {
    this.tableName = tableName;
    this.table = table;
    this.rows = rows;
    this.newColumns = newColumns;
  }

  MaxComputeTable table() {
    return table;
  }

  /** The table's name as configured (no project): what DDL and reopening take. */
  String tableName() {
    return tableName;
  }

  /** "project.table" or "project.schema.table", for messages. */
  String name() {
    return table.name();
  }

  /** See {@link RowConversion#convertOrRoute}. */
  Change convertOrRoute(SinkRecord record, RecordOrigin origin, Instant now) {
    return rows.convertOrRoute(record, origin, now);
  }

  /** With auto.evolve, the columns to add before {@code record} can be written whole; else none. */
  List<Column> newColumns(SinkRecord record) {
    return newColumns.apply(record);
  }

  /** When a buffer of this table opened at {@code now} can take no more rows. */
  Instant windowEnd(Instant now) {
    return rows.windowEnd(now);
  }

  @Override
  public void close() {
    table.close();
  }
}
