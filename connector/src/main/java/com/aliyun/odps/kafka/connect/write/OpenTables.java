package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The tables a task writes, each opened once: the one table of the {@code table} key, opened when
 * the task starts; or, with a {@code ${topic}} table, {@code topic2table.map} or auto.create, the
 * table of each record's topic (after SMTs), opened when its first record arrives. A table that
 * gains columns (auto.evolve) is opened again, so its sessions see them.
 *
 * <p>Not thread-safe: used on the task's thread.
 */
final class OpenTables implements AutoCloseable {
  /** Opens (and, with auto.create, creates) a table. */
  @FunctionalInterface
  interface Opener {
    /**
     * @param first the first record going to the table; null when it is opened again after a change
     * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be written (missing, unfit)
     * @throws com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException when the service can't be asked now
     * @throws com.aliyun.odps.kafka.connect.format.RecordConversionException when the table would be created
     *     from this record and it can't be (the record is routed; the next record tries again)
     */
    OpenTable open(String tableName, SinkRecord first);
  }

  /** Adds columns to a table (ALTER TABLE ... ADD COLUMNS IF NOT EXISTS). */
  @FunctionalInterface
  interface ColumnAdder {
    void add(String tableName, List<Column> columns);
  }

  /** The table of a topic; null when every record goes to the single table. */
  private final UnaryOperator<String> tableOfTopic;
  private final Opener opener;
  private final ColumnAdder columnAdder;
  /** The clients the tables were opened with, closed after them. */
  private final AutoCloseable clients;
  private final Map<String, OpenTable> byName = new HashMap<>();
  /** The table of a task that writes one, opened at start; null when tables follow topics. */
  private OpenTable single;
  /** The last topic asked and its table: records come in runs of one topic. */
  private String lastTopic;
  private OpenTable lastTable;

  private OpenTables(OpenTable single, UnaryOperator<String> tableOfTopic, Opener opener, ColumnAdder columnAdder,
      AutoCloseable clients) {
    this.single = single;
    this.tableOfTopic = tableOfTopic;
    this.opener = opener;
    this.columnAdder = columnAdder;
    this.clients = clients;
    if (single != null) {
      byName.put(single.tableName(), single);
    }
  }

  /** Every record goes to {@code table}; {@code clients} are closed after it. */
  static OpenTables single(OpenTable table, Opener opener, ColumnAdder columnAdder, AutoCloseable clients) {
    return new OpenTables(table, null, opener, columnAdder, clients);
  }

  /** Each record goes to the table {@code tableOfTopic} names for its topic, opened by {@code opener}. */
  static OpenTables routed(UnaryOperator<String> tableOfTopic, Opener opener, ColumnAdder columnAdder,
      AutoCloseable clients) {
    return new OpenTables(null, tableOfTopic, opener, columnAdder, clients);
  }

  /** The table the record goes to, opened now if it is the first record for it. */
  OpenTable forRecord(SinkRecord record) {
    if (single != null) {
      return single;
    }
    String topic = record.topic();
    if (topic.equals(lastTopic)) {
      return lastTable;
    }
    String name = tableOfTopic.apply(topic);
    OpenTable table = byName.get(name);
    if (table == null) {
      table = opener.open(name, record);
      byName.put(name, table);
    }
    lastTopic = topic;
    lastTable = table;
    return table;
  }

  /**
   * Adds {@code columns} to the table and opens it again: the table returned writes rows with them.
   * Nothing of the table may be buffered or being written (its rows have the old columns).
   *
   * @throws com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException when the service can't do it now
   */
  OpenTable addColumns(OpenTable table, List<Column> columns) {
    columnAdder.add(table.tableName(), columns);
    OpenTable reopened = opener.open(table.tableName(), null);
    byName.put(table.tableName(), reopened);
    if (single == table) {
      single = reopened;
    }
    if (lastTable == table) {
      lastTable = reopened;
    }
    table.close();
    return reopened;
  }

  /** The one table of a task that writes one; null when tables follow topics. */
  OpenTable single() {
    return single;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (OpenTable table : new ArrayList<>(byName.values())) {
      try {
        table.close();
      } catch (RuntimeException e) {
        first = collect(first, e);
      }
    }
    byName.clear();
    try {
      clients.close();
    } catch (Exception e) {
      first = collect(first, new IllegalStateException("Could not close the MaxCompute clients: " + e.getMessage(), e));
    }
    if (first != null) {
      throw first;
    }
  }

  private static RuntimeException collect(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
