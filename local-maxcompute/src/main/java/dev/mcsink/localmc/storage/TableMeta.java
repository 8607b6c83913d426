package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What the warehouse keeps in memory about one table: its identity, current schema, the names of its
 * DuckDB objects, the next commit sequence number and the lock that serializes its writes.
 */
final class TableMeta {
  /** Hidden column giving rows their commit order. */
  static final String SEQ_COLUMN = "__mc_seq";

  final long tid;
  final TableId id;
  /** Replaced (under {@link #lock}) by ALTER TABLE ADD COLUMNS; read without it by whoever needs the latest. */
  volatile TableSchema schema;
  final String comment;
  final long lifecycleDays;
  final TableProperties properties;
  /** Guarded by {@link #lock}. */
  long nextSeq;
  private final ReentrantLock lock = new ReentrantLock();
  volatile boolean dropped;

  TableMeta(long tid, TableId id, TableSchema schema, TableProperties properties, String comment,
      long lifecycleDays, long nextSeq) {
    this.properties = properties;
    this.tid = tid;
    this.id = id;
    this.schema = schema;
    this.comment = comment;
    this.lifecycleDays = lifecycleDays;
    this.nextSeq = nextSeq;
  }

  /** The table holding committed rows: sequence, data columns, partition columns (as VARCHAR). */
  String dataTable() {
    return "data.t" + tid;
  }

  String dataTableName() {
    return "t" + tid;
  }

  /** What SQL queries read: data and partition columns only, nested values typed. */
  String sqlView() {
    return "data.v" + tid;
  }

  /** Runs a write under the table's lock; {@link NotFoundException} once the table is dropped. */
  <T> T whileLocked(Supplier<T> write) {
    lock.lock();
    try {
      if (dropped) {
        throw new NotFoundException("Table " + id + " does not exist");
      }
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * What a DuckDB failure of work done without the table's lock (reads, block uploads) becomes:
   * {@link NotFoundException} when the table was dropped meanwhile (after waiting for a drop under
   * way to finish), else {@code failure} itself.
   */
  RuntimeException droppedOr(RuntimeException failure) {
    whileLocked(() -> null);
    return failure;
  }

  /**
   * The spec with the table's partition columns in declared order; all of them must be given
   * when {@code complete}, otherwise a leading subset is allowed (reads of several partitions).
   */
  PartitionSpec normalize(PartitionSpec spec, boolean complete) {
    Map<String, String> given = spec == null ? Map.of() : spec.values();
    List<Column> keys = schema.partitionColumns();
    if (!schema.isPartitioned()) {
      if (!given.isEmpty()) {
        throw new IllegalArgumentException("Table " + id + " is not partitioned, but a partition ("
            + spec + ") was given");
      }
      return PartitionSpec.empty();
    }
    for (String key : given.keySet()) {
      if (keys.stream().noneMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException("Partition column " + key + " does not exist in table " + id);
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Column key : keys) {
      String value = given.get(key.name());
      if (value == null) {
        if (complete) {
          throw new IllegalArgumentException("Partition spec (" + spec + ") of table " + id
              + " lacks the partition column " + key.name());
        }
        continue;
      }
      if (complete && value.isEmpty()) {
        throw new IllegalArgumentException("Partition column " + key.name() + " of table " + id
            + " cannot be empty");
      }
      ordered.put(key.name(), value);
    }
    return PartitionSpec.of(ordered);
  }
}
