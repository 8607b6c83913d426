package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.TableId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tables of the warehouse, in memory: loaded from the catalog at start and kept in step by
 * create and drop, so that a call finds its table (and its lock) without reading the catalog.
 */
final class TableRegistry {
  private final Map<TableId, TableMeta> tables = new ConcurrentHashMap<>();
  private final AtomicLong nextTid;

  TableRegistry(List<TableMeta> loaded) {
    long maxTid = 0;
    for (TableMeta t : loaded) {
      tables.put(t.id, t);
      maxTid = Math.max(maxTid, t.tid);
    }
    this.nextTid = new AtomicLong(maxTid + 1);
  }

  /** The table; {@link NotFoundException} when it does not exist. */
  TableMeta require(TableId id) {
    TableMeta t = tables.get(id);
    if (t == null) {
      throw new NotFoundException("Table " + id + " does not exist");
    }
    return t;
  }

  Optional<TableMeta> find(TableId id) {
    return Optional.ofNullable(tables.get(id));
  }

  /** The table an upload stage row of the catalog points to. */
  Optional<TableMeta> byTid(long tid) {
    return tables.values().stream().filter(t -> t.tid == tid).findFirst();
  }

  /** The tables of one project and schema, by name. */
  List<TableMeta> inSchema(String project, String schema) {
    TableId probe = new TableId(project, schema, "x"); // the names as TableId normalizes them
    return tables.values().stream()
        .filter(t -> t.id.project().equals(probe.project()) && t.id.schema().equals(probe.schema()))
        .sorted(Comparator.comparing(t -> t.id.table()))
        .toList();
  }

  /** The number a new table's DuckDB objects are named by; never reused. */
  long newTid() {
    return nextTid.getAndIncrement();
  }

  void add(TableMeta t) {
    tables.put(t.id, t);
  }

  /** Forgets a dropped table; a writer that still holds it sees it dropped under its lock. */
  void remove(TableMeta t) {
    t.dropped = true;
    tables.remove(t.id);
  }
}
