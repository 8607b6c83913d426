package com.aliyun.odps.kafka.connect.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The tables a task writes, each opened once: the one table of the {@code table} key, opened when
 * the task starts; or, with a {@code ${topic}} table or {@code topic2table.map}, the table of each
 * record's topic (after SMTs), opened when its first record arrives.
 *
 * <p>Not thread-safe: used on the task's thread.
 */
final class OpenTables implements AutoCloseable {
  /** Opens (and, with auto.create, creates) a table; the record is the first one going to it. */
  @FunctionalInterface
  interface Opener {
    /**
     * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be written (missing, unfit)
     * @throws com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException when the service can't be asked now
     * @throws com.aliyun.odps.kafka.connect.format.RecordConversionException when the table would be created
     *     from this record and it can't be (the record is routed; the next record tries again)
     */
    OpenTable open(String tableName, SinkRecord first);
  }

  private final OpenTable single;
  private final UnaryOperator<String> tableOfTopic;
  private final Opener opener;
  /** The clients the tables were opened with, closed after them. */
  private final AutoCloseable clients;
  private final Map<String, OpenTable> byName = new HashMap<>();
  /** The last topic asked and its table: records come in runs of one topic. */
  private String lastTopic;
  private OpenTable lastTable;

  private OpenTables(OpenTable single, UnaryOperator<String> tableOfTopic, Opener opener, AutoCloseable clients) {
    this.single = single;
    this.tableOfTopic = tableOfTopic;
    this.opener = opener;
    this.clients = clients;
  }

  /** Every record goes to {@code table}; {@code clients} are closed after it. */
  static OpenTables single(OpenTable table, AutoCloseable clients) {
    return new OpenTables(table, null, null, clients);
  }

  /** Each record goes to the table {@code tableOfTopic} names for its topic, opened by {@code opener}. */
  static OpenTables routed(UnaryOperator<String> tableOfTopic, Opener opener, AutoCloseable clients) {
    return new OpenTables(null, tableOfTopic, opener, clients);
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

  /** The one table of a task that writes one; null when tables follow topics. */
  OpenTable single() {
    return single;
  }

  @Override
  public void close() {
    List<OpenTable> all = new ArrayList<>(byName.values());
    if (single != null) {
      all.add(single);
    }
    RuntimeException first = null;
    for (OpenTable table : all) {
      try {
        table.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    byName.clear();
    try {
      clients.close();
    } catch (Exception e) {
      if (first == null) {
        first = new IllegalStateException("Could not close the MaxCompute clients: " + e.getMessage(), e);
      } else {
        first.addSuppressed(e);
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
