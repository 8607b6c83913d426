package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The warehouse on an embedded DuckDB file ({@code dataDir/warehouse.duckdb}): it opens the file
 * and says which lock and which transaction each read and write runs in; DDL is {@link DuckDbDdl}'s.
 * The work on a connection is done by {@link CatalogStore} (catalog tables in schema {@code mc}),
 * {@link DataTables} (a table's DuckDB objects in schema {@code data}), {@link CommittedRows} and
 * {@link RowScan} (rows), and {@link DuckDbUploadStage} (batch uploads). Types: {@link PhysicalTypes}.
 *
 * <p>Concurrency: every call borrows its own DuckDB connection. Writes to one table (append,
 * commit, partition DDL) hold that table's lock, so their catalog updates never conflict; writes to
 * different tables run in parallel. Block uploads hold only their upload's lock: they write a file
 * each ({@link BlockFiles}) and a catalog row. Create/drop of tables and projects hold a global lock.
 */
public final class DuckDbWarehouse implements Warehouse {
  private static final String DATABASE_FILE = "warehouse.duckdb";
  private static final String BLOCKS_DIRECTORY = "blocks";
  /** How long a checkpoint waits for a pause in writes. */
  private static final Duration CHECKPOINT_PATIENCE = Duration.ofMinutes(1);

  private final DuckDbConnections db;
  private final TableRegistry tables;
  private final DuckDbDdl ddl;
  private final StageLocks stageLocks = new StageLocks();
  private final BlockFiles blockFiles;
  private final Map<String, ProjectInfo> projects = new ConcurrentHashMap<>();
  private final DuckDbQueries queries;

  private DuckDbWarehouse(DuckDbConnections db, BlockFiles blockFiles, List<TableMeta> loaded) {
    this.db = db;
    this.blockFiles = blockFiles;
    this.tables = new TableRegistry(loaded);
    this.ddl = new DuckDbDdl(db, tables);
    this.queries = new DuckDbQueries(db, tables);
  }

  public static DuckDbWarehouse open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
    }
    DuckDbConnections db = new DuckDbConnections(dataDir.resolve(DATABASE_FILE));
    try {
      List<TableMeta> loaded = db.inTransaction(false, c -> {
        CatalogStore.createSchema(c);
        DataTables.dropLegacyStagingTables(c);
        return CatalogStore.loadTables(c);
      });
      BlockFiles blockFiles = new BlockFiles(dataDir.resolve(BLOCKS_DIRECTORY));
      // files of blocks a crash left unrecorded, or of uploads finished or dropped with their table
      blockFiles.keepOnly(db.withConnection(CatalogStore::allBlockFiles));
      return new DuckDbWarehouse(db, blockFiles, loaded);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Where the SQL layer runs the queries it translates, on this warehouse's rows. */
  public SqlQueries queries() {
    return queries;
  }

  // ---- projects ----

  @Override
  public void ensureProject(String project) {
    ddl.ensureProject(project);
  }

  /**
   * Every request looks its project up first; projects are never dropped or changed, so one found
   * is remembered (one that is not is asked again: it may be created).
   */
  @Override
  public Optional<ProjectInfo> project(String project) {
    String name = project.toLowerCase(Locale.ROOT);
    ProjectInfo known = projects.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ProjectInfo> found = db.withConnection(c -> CatalogStore.project(c, name));
    found.ifPresent(info -> projects.put(name, info));
    return found;
  }

  // ---- tables and partitions ----

  @Override
  public Optional<TableInfo> table(TableId id) {
    Optional<TableMeta> t = tables.find(id);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(db.withConnection(c -> CatalogStore.tableInfo(c, t.get())));
    } catch (NotFoundException dropped) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<TableSchema> schema(TableId id) {
    return tables.find(id).map(t -> t.schema);
  }

  @Override
  public List<TableInfo> tables(String project, String schema) {
    List<TableMeta> matching = tables.inSchema(project, schema);
    return db.withConnection(c -> {
      List<TableInfo> infos = new ArrayList<>();
      for (TableMeta t : matching) {
        try {
          infos.add(CatalogStore.tableInfo(c, t));
        } catch (NotFoundException dropped) {
          // dropped meanwhile
        }
      }
      return infos;
    });
  }

  @Override
  public List<PartitionInfo> partitions(TableId id) {
    TableMeta t = tables.require(id);
    List<PartitionInfo> partitions = new ArrayList<>(db.withConnection(c -> CatalogStore.partitions(c, t.tid)));
    partitions.sort(Comparator.comparing(p -> p.spec().toPathName()));
    return partitions;
  }

  @Override
  public Optional<PartitionInfo> partition(TableId id, PartitionSpec spec) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, true);
    return db.withConnection(c -> CatalogStore.partition(c, t.tid, normalized));
  }

  // ---- DDL ----

  @Override
  public boolean createTable(TableId id, TableSchema schema, TableProperties properties, String comment,
      long lifecycleDays) {
    return ddl.createTable(id, schema, properties, comment, lifecycleDays);
  }

  @Override
  public boolean dropTable(TableId id) {
    Optional<TableMeta> t = tables.find(id);
    // the uploads the drop abandons; one opened meanwhile leaves its files to the next open's sweep
    List<String> uploads = t.isEmpty() ? List.of() : db.withConnection(c -> CatalogStore.uploadIds(c, t.get().tid));
    boolean dropped = ddl.dropTable(id);
    if (dropped) {
      uploads.forEach(blockFiles::deleteUpload);
    }
    return dropped;
  }

  @Override
  public boolean createPartition(TableId id, PartitionSpec spec) {
    return ddl.createPartition(id, spec);
  }

  @Override
  public void addColumns(TableId id, List<Column> columns) {
    ddl.addColumns(id, columns);
  }

  @Override
  public boolean dropPartition(TableId id, PartitionSpec spec) {
    return ddl.dropPartition(id, spec);
  }

  @Override
  public void truncate(TableId id, PartitionSpec spec) {
    ddl.truncate(id, spec);
  }

  // ---- writes ----

  @Override
  public UploadStage openUploadStage(String uploadId, TableId id, PartitionSpec spec, boolean overwrite) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, true);
    // under the table's lock, so no column is added between reading the schema and recording the stage
    int columnCount = t.whileLocked(() -> db.inTransaction(true, c -> {
      CommittedRows.requirePartition(c, t, normalized);
      if (CatalogStore.stage(c, uploadId).isPresent()) {
        throw new IllegalArgumentException("Upload " + uploadId + " exists already");
      }
      int columns = t.schema.columns().size();
      CatalogStore.insertStage(c, uploadId, t.tid, normalized, overwrite, columns, System.currentTimeMillis());
      return columns;
    }));
    return new DuckDbUploadStage(db, blockFiles, stageLocks, uploadId, t, normalized, overwrite, columnCount);
  }

  @Override
  public Optional<UploadStage> uploadStage(String uploadId) {
    Optional<CatalogStore.StageRow> row = db.withConnection(c -> CatalogStore.stage(c, uploadId));
    return row.flatMap(r -> tables.byTid(r.tid())
        .map(t -> new DuckDbUploadStage(db, blockFiles, stageLocks, uploadId, t, r.spec(), r.overwrite(),
            r.columnCount() == 0 ? t.schema.columns().size() : r.columnCount())));
  }

  @Override
  public void append(TableId id, PartitionSpec spec, List<Object[]> rows) {
    write(tables.require(id), Map.of(spec, rows), false, false);
  }

  @Override
  public void insert(TableId id, Map<PartitionSpec, List<Object[]>> rowsByPartition, boolean overwrite) {
    write(tables.require(id), rowsByPartition, overwrite, true);
  }

  /**
   * Commits rows given as values (streams, SQL), partition by partition in one transaction under
   * the table's lock, numbered in the order given. Batch uploads commit their staged rows instead
   * ({@link DuckDbUploadStage#commit}).
   */
  private void write(TableMeta t, Map<PartitionSpec, List<Object[]>> rowsByPartition, boolean overwrite,
      boolean createPartitions) {
    Map<PartitionSpec, List<Object[]>> normalized = new LinkedHashMap<>();
    rowsByPartition.forEach((spec, rows) -> normalized.merge(t.normalize(spec, true), rows, (a, b) -> {
      List<Object[]> both = new ArrayList<>(a);
      both.addAll(b);
      return both;
    }));
    t.whileLocked(() -> {
      long base = t.nextSeq;
      long written = db.inTransaction(true, c -> {
        long seq = base;
        long now = System.currentTimeMillis();
        for (Map.Entry<PartitionSpec, List<Object[]>> e : normalized.entrySet()) {
          PartitionSpec spec = e.getKey();
          // Without createPartitions, a missing partition fails the append's statistics
          // (CommittedRows.recordWrite), and the transaction rolls back: no lookup first.
          if (createPartitions && !spec.isEmpty() && CatalogStore.partition(c, t.tid, spec).isEmpty()) {
            CatalogStore.insertPartition(c, t.tid, spec, now);
            CatalogStore.touchTableDdl(c, t.tid, now);
          }
          if (overwrite) {
            CommittedRows.clear(c, t, spec, now);
          }
          CommittedRows.append(c, t, spec, e.getValue(), seq);
          KeyedRows.supersede(c, t, spec, seq);
          seq += e.getValue().size();
        }
        return seq - base;
      });
      t.nextSeq = base + written;
      return null;
    });
  }

  @Override
  public void applyKeyed(TableId id, PartitionSpec spec, List<KeyedChange> changes) {
    TableMeta t = tables.require(id);
    if (!t.properties.isDelta()) {
      throw new IllegalArgumentException("Table " + id + " has no primary key");
    }
    PartitionSpec normalized = t.normalize(spec, true);
    t.whileLocked(() -> {
      long base = t.nextSeq;
      long used = db.inTransaction(true, c -> {
        CommittedRows.requirePartition(c, t, normalized);
        return KeyedRows.apply(c, t, normalized, changes, base);
      });
      t.nextSeq = base + used;
      return null;
    });
  }

  // ---- reads ----

  @Override
  public long rowCount(TableId id, PartitionSpec spec) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, false);
    try {
      return db.withConnection(c -> RowScan.count(c, t, normalized));
    } catch (DuckDbConnections.StorageException e) {
      throw t.droppedOr(e);
    }
  }

  @Override
  public void scan(TableId id, PartitionSpec spec, long start, long count, List<String> columns,
      Consumer<Object[]> sink) {
    TableMeta t = tables.require(id);
    PartitionSpec normalized = t.normalize(spec, false);
    if (start < 0 || count < 0) {
      throw new IllegalArgumentException("Invalid row range (" + start + "," + count + ")");
    }
    List<Column> projected = RowScan.projection(t, columns);
    if (count == 0 || projected.isEmpty()) {
      return;
    }
    try {
      db.withConnection(c -> {
        RowScan.scan(c, t, normalized, start, count, projected, sink);
        return null;
      });
    } catch (DuckDbConnections.StorageException e) {
      throw t.droppedOr(e);
    }
  }

  @Override
  public void checkpoint() {
    db.checkpoint(CHECKPOINT_PATIENCE);
  }

  @Override
  public void close() {
    blockFiles.close();
    db.close();
  }
}
