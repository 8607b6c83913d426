package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import dev.mcsink.localmc.types.Column;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The warehouse's DDL: projects, tables and partitions created and dropped, columns added, tables
 * truncated.
 * Creating or dropping a project or table holds one global lock, so the in-memory
 * {@link TableRegistry} and the catalog change together; partition and column DDL and truncation hold only
 * the table's lock, like writes to it.
 */
final class DuckDbDdl {
  private final DuckDbConnections db;
  private final TableRegistry tables;
  private final ReentrantLock ddlLock = new ReentrantLock();

  DuckDbDdl(DuckDbConnections db, TableRegistry tables) {
    this.db = db;
    this.tables = tables;
  }

  void ensureProject(String project) {
    String name = project.toLowerCase(Locale.ROOT);
    ddlLock.lock();
    try {
      db.inTransaction(true, c -> {
        if (CatalogStore.project(c, name).isEmpty()) {
          CatalogStore.insertProject(c, name, System.currentTimeMillis());
        }
        return null;
      });
    } finally {
      ddlLock.unlock();
    }
  }

  boolean createTable(TableId id, TableSchema schema, TableProperties properties, String comment,
      long lifecycleDays) {
    ddlLock.lock();
    try {
      if (tables.find(id).isPresent()) {
        return false;
      }
      if (db.withConnection(c -> CatalogStore.project(c, id.project())).isEmpty()) {
        throw new NotFoundException("Project " + id.project() + " does not exist");
      }
      DataTables.checkColumns(id, schema);
      properties.check(schema);
      TableMeta t = new TableMeta(tables.newTid(), id, schema, properties, comment == null ? "" : comment,
          lifecycleDays, 0);
      db.inTransaction(true, c -> {
        DataTables.create(c, t);
        CatalogStore.insertTable(c, t, System.currentTimeMillis());
        return null;
      });
      tables.add(t);
      return true;
    } finally {
      ddlLock.unlock();
    }
  }

  boolean dropTable(TableId id) {
    ddlLock.lock();
    try {
      Optional<TableMeta> found = tables.find(id);
      if (found.isEmpty()) {
        return false;
      }
      TableMeta t = found.get();
      t.whileLocked(() -> {
        db.inTransaction(true, c -> {
          DataTables.drop(c, t);
          CatalogStore.deleteTable(c, t.tid);
          return null;
        });
        // still under the lock: the next writer to take it finds the table dropped, never its DuckDB tables gone
        tables.remove(t);
        return null;
      });
      return true;
    } finally {
      ddlLock.unlock();
    }
  }

  boolean createPartition(TableId id, PartitionSpec spec) {
    TableMeta t = tables.require(id);
    if (!t.schema.isPartitioned()) {
      throw new IllegalArgumentException("Table " + id + " is not partitioned");
    }
    PartitionSpec normalized = t.normalize(spec, true);
    return t.whileLocked(() -> db.inTransaction(true, c -> {
      if (CatalogStore.partition(c, t.tid, normalized).isPresent()) {
        return false;
      }
      long now = System.currentTimeMillis();
      CatalogStore.insertPartition(c, t.tid, normalized, now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return true;
    }));
  }

  void addColumns(TableId id, List<Column> added) {
    TableMeta t = tables.require(id);
    t.whileLocked(() -> {
      TableSchema schema = t.schema.withColumnsAdded(added);
      DataTables.checkColumns(id, schema);
      db.inTransaction(true, c -> {
        DataTables.addColumns(c, t, added, schema);
        CatalogStore.updateSchema(c, t.tid, schema, System.currentTimeMillis());
        return null;
      });
      t.schema = schema;
      return null;
    });
  }

  boolean dropPartition(TableId id, PartitionSpec spec) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, true);
    return t.whileLocked(() -> db.inTransaction(true, c -> {
      Optional<PartitionInfo> existing = CatalogStore.partition(c, t.tid, normalized);
      if (existing.isEmpty()) {
        return false;
      }
      CommittedRows.delete(c, t, normalized);
      CatalogStore.deletePartition(c, t.tid, normalized);
      long now = System.currentTimeMillis();
      CatalogStore.addToTable(c, t.tid, -existing.get().recordCount(), -existing.get().sizeBytes(), now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return true;
    }));
  }

  void truncate(TableId id, PartitionSpec spec) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, !spec.isEmpty());
    t.whileLocked(() -> db.inTransaction(true, c -> {
      if (!normalized.isEmpty() && CatalogStore.partition(c, t.tid, normalized).isEmpty()) {
        throw new NotFoundException("Partition (" + normalized + ") of table " + id + " does not exist");
      }
      long now = System.currentTimeMillis();
      CommittedRows.clear(c, t, normalized, now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return null;
    }));
  }
}
