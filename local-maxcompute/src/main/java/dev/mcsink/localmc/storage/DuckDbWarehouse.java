package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.sql.MaxComputeSqlRunner;
import dev.mcsink.localmc.sql.SqlStorage;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The warehouse on an embedded DuckDB file ({@code dataDir/warehouse.duckdb}).
 *
 * <p>Layout: catalog tables in schema {@code mc} ({@link CatalogStore}); per MaxCompute table, in
 * schema {@code data}, a table {@code t<id>} of committed rows (hidden commit sequence, data columns,
 * partition columns as VARCHAR), a table {@code s<id>} of uploaded but uncommitted block rows, and a
 * view {@code v<id>} that SQL queries read. Types: {@link PhysicalTypes}.
 *
 * <p>Concurrency: every call borrows its own DuckDB connection. Writes to one table (append,
 * commit, partition DDL) hold that table's lock, so their catalog updates never conflict; writes to
 * different tables run in parallel. Block uploads hold only their upload's lock: they append to the
 * staging table, which DuckDB allows concurrently. Create/drop of tables and projects hold a global lock.
 */
public final class DuckDbWarehouse implements Warehouse {
  private static final String DATABASE_FILE = "warehouse.duckdb";
  /** DuckDB's largest LIMIT/OFFSET (2^62). */
  private static final long MAX_LIMIT = 1L << 62;

  private final DuckDbConnections db;
  private final ZoneId sqlTimeZone;
  private final Map<TableId, TableMeta> tables = new ConcurrentHashMap<>();
  private final Map<String, StageLock> stageLocks = new ConcurrentHashMap<>();
  private final ReentrantLock ddlLock = new ReentrantLock();
  private final AtomicLong nextTid;
  private final MaxComputeSqlRunner sql;

  private DuckDbWarehouse(DuckDbConnections db, ZoneId sqlTimeZone, List<TableMeta> loaded) {
    this.db = db;
    this.sqlTimeZone = sqlTimeZone;
    long maxTid = 0;
    for (TableMeta t : loaded) {
      tables.put(t.id, t);
      maxTid = Math.max(maxTid, t.tid);
    }
    this.nextTid = new AtomicLong(maxTid + 1);
    this.sql = new MaxComputeSqlRunner(new SqlAccess(), sqlTimeZone);
  }

  public static DuckDbWarehouse open(Path dataDir, ZoneId sqlTimeZone) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
    }
    DuckDbConnections db = new DuckDbConnections(dataDir.resolve(DATABASE_FILE));
    try {
      List<TableMeta> loaded = db.inTransaction(false, c -> {
        CatalogStore.createSchema(c);
        return CatalogStore.loadTables(c);
      });
      return new DuckDbWarehouse(db, sqlTimeZone, loaded);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public ZoneId sqlTimeZone() {
    return sqlTimeZone;
  }

  // ---- projects ----

  @Override
  public void ensureProject(String project) {
    String name = project.toLowerCase(java.util.Locale.ROOT);
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

  @Override
  public Optional<ProjectInfo> project(String project) {
    return db.withConnection(c -> CatalogStore.project(c, project.toLowerCase(java.util.Locale.ROOT)));
  }

  // ---- tables and partitions ----

  @Override
  public Optional<TableInfo> table(TableId id) {
    TableMeta t = tables.get(id);
    if (t == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(db.withConnection(c -> CatalogStore.tableInfo(c, t)));
    } catch (NotFoundException dropped) {
      return Optional.empty();
    }
  }

  @Override
  public List<TableInfo> tables(String project, String schema) {
    TableId probe = new TableId(project, schema, "x");
    List<TableMeta> matching = tables.values().stream()
        .filter(t -> t.id.project().equals(probe.project()) && t.id.schema().equals(probe.schema()))
        .sorted(Comparator.comparing(t -> t.id.table()))
        .collect(Collectors.toList());
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
    TableMeta t = meta(id);
    List<PartitionInfo> partitions = new ArrayList<>(db.withConnection(c -> CatalogStore.partitions(c, t.tid)));
    partitions.sort(Comparator.comparing(p -> p.spec().toPathName()));
    return partitions;
  }

  @Override
  public Optional<PartitionInfo> partition(TableId id, PartitionSpec spec) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, true);
    return db.withConnection(c -> CatalogStore.partition(c, t.tid, normalized));
  }

  @Override
  public boolean createPartition(TableId id, PartitionSpec spec) {
    TableMeta t = meta(id);
    if (!t.schema.isPartitioned()) {
      throw new IllegalArgumentException("Table " + id + " is not partitioned");
    }
    PartitionSpec normalized = t.normalize(spec, true);
    return withTableLock(t, () -> db.inTransaction(true, c -> {
      if (CatalogStore.partition(c, t.tid, normalized).isPresent()) {
        return false;
      }
      long now = System.currentTimeMillis();
      CatalogStore.insertPartition(c, t.tid, normalized, now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return true;
    }));
  }

  /** Creates a table; false when one of that name exists already. */
  public boolean createTable(TableId id, TableSchema schema, String comment, long lifecycleDays) {
    ddlLock.lock();
    try {
      if (tables.containsKey(id)) {
        return false;
      }
      if (project(id.project()).isEmpty()) {
        throw new NotFoundException("Project " + id.project() + " does not exist");
      }
      checkColumnNames(id, schema);
      TableMeta t = new TableMeta(nextTid.getAndIncrement(), id, schema, comment == null ? "" : comment,
          lifecycleDays, 0);
      db.inTransaction(true, c -> {
        DuckDbConnections.execute(c, createDataTableSql(t));
        DuckDbConnections.execute(c, createStageTableSql(t));
        DuckDbConnections.execute(c, createViewSql(t));
        CatalogStore.insertTable(c, t, System.currentTimeMillis());
        return null;
      });
      tables.put(id, t);
      return true;
    } finally {
      ddlLock.unlock();
    }
  }

  /** Drops a table with its rows and open uploads; false when it does not exist. */
  public boolean dropTable(TableId id) {
    ddlLock.lock();
    try {
      TableMeta t = tables.get(id);
      if (t == null) {
        return false;
      }
      withTableLock(t, () -> db.inTransaction(true, c -> {
        DuckDbConnections.execute(c, "DROP VIEW IF EXISTS " + t.sqlView());
        DuckDbConnections.execute(c, "DROP TABLE IF EXISTS " + t.dataTable());
        DuckDbConnections.execute(c, "DROP TABLE IF EXISTS " + t.stageTable());
        CatalogStore.deleteTable(c, t.tid);
        return null;
      }));
      t.dropped = true;
      tables.remove(id);
      return true;
    } finally {
      ddlLock.unlock();
    }
  }

  /** Drops a partition and its rows; false when it does not exist. */
  public boolean dropPartition(TableId id, PartitionSpec spec) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, true);
    return withTableLock(t, () -> db.inTransaction(true, c -> {
      Optional<PartitionInfo> existing = CatalogStore.partition(c, t.tid, normalized);
      if (existing.isEmpty()) {
        return false;
      }
      deleteRows(c, t, normalized);
      CatalogStore.deletePartition(c, t.tid, normalized);
      long now = System.currentTimeMillis();
      CatalogStore.addToTable(c, t.tid, -existing.get().recordCount(), -existing.get().sizeBytes(), now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return true;
    }));
  }

  /** Deletes the rows of the table, or of one partition when {@code spec} is not empty. */
  public void truncate(TableId id, PartitionSpec spec) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, !spec.isEmpty());
    withTableLock(t, () -> db.inTransaction(true, c -> {
      if (!normalized.isEmpty() && CatalogStore.partition(c, t.tid, normalized).isEmpty()) {
        throw new NotFoundException("Partition (" + normalized + ") of table " + id + " does not exist");
      }
      long now = System.currentTimeMillis();
      clearRowsAndStatistics(c, t, normalized, now);
      CatalogStore.touchTableDdl(c, t.tid, now);
      return null;
    }));
  }

  // ---- writes ----

  @Override
  public UploadStage openUploadStage(String uploadId, TableId id, PartitionSpec spec, boolean overwrite) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, true);
    db.inTransaction(true, c -> {
      requirePartition(c, t, normalized);
      if (CatalogStore.stage(c, uploadId).isPresent()) {
        throw new IllegalArgumentException("Upload " + uploadId + " exists already");
      }
      CatalogStore.insertStage(c, uploadId, t.tid, normalized, overwrite, System.currentTimeMillis());
      return null;
    });
    return new DuckDbUploadStage(this, uploadId, t, normalized, overwrite);
  }

  @Override
  public Optional<UploadStage> uploadStage(String uploadId) {
    Optional<CatalogStore.StageRow> row = db.withConnection(c -> CatalogStore.stage(c, uploadId));
    return row.flatMap(r -> tables.values().stream().filter(t -> t.tid == r.tid()).findFirst()
        .map(t -> new DuckDbUploadStage(this, uploadId, t, r.spec(), r.overwrite())));
  }

  @Override
  public void append(TableId id, PartitionSpec spec, List<Object[]> rows) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, true);
    RowWriter writer = new RowWriter(t.schema.columns());
    withTableLock(t, () -> {
      long base = t.nextSeq;
      db.inTransaction(true, c -> {
        requirePartition(c, t, normalized);
        long bytes = 0;
        try (DuckDBAppender appender = c.createAppender("data", t.dataTableName())) {
          long seq = base;
          for (Object[] row : rows) {
            appender.beginRow();
            appender.append(seq++);
            bytes += writer.append(appender, row);
            for (String value : normalized.values().values()) {
              appender.append(value);
            }
            appender.endRow();
          }
        }
        recordWrite(c, t, normalized, rows.size(), bytes, System.currentTimeMillis());
        return null;
      });
      t.nextSeq = base + rows.size();
      return null;
    });
  }

  // ---- reads ----

  @Override
  public long rowCount(TableId id, PartitionSpec spec) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, false);
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM " + t.dataTable() + TableMeta.whereClause(normalized))) {
        bind(ps, TableMeta.whereValues(normalized), 1);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public void scan(TableId id, PartitionSpec spec, long start, long count, List<String> columns,
      Consumer<Object[]> sink) {
    TableMeta t = meta(id);
    PartitionSpec normalized = t.normalize(spec, false);
    if (start < 0 || count < 0) {
      throw new IllegalArgumentException("Invalid row range (" + start + "," + count + ")");
    }
    List<Column> projected = new ArrayList<>();
    if (columns == null || columns.isEmpty()) {
      projected.addAll(t.schema.columns());
    } else {
      for (String name : columns) {
        projected.add(t.schema.column(name).orElseThrow(() -> new IllegalArgumentException(
            "Column " + name + " does not exist in table " + id)));
      }
    }
    if (count == 0 || projected.isEmpty()) {
      return;
    }
    RowReader reader = new RowReader(projected);
    db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + reader.selectList() + " FROM " + t.dataTable()
          + TableMeta.whereClause(normalized) + " ORDER BY " + TableMeta.SEQ_COLUMN + " LIMIT ? OFFSET ?")) {
        int next = bind(ps, TableMeta.whereValues(normalized), 1);
        ps.setLong(next, Math.min(count, MAX_LIMIT));
        ps.setLong(next + 1, Math.min(start, MAX_LIMIT));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(reader.read(rs));
          }
        }
      }
      return null;
    });
  }

  // ---- SQL ----

  @Override
  public SqlOutcome executeSql(String project, String schema, String script) {
    return sql.run(project, schema, script);
  }

  @Override
  public void close() {
    db.close();
  }

  // ---- used by DuckDbUploadStage ----

  DuckDbConnections db() {
    return db;
  }

  StageLock stageLock(String uploadId) {
    return stageLocks.computeIfAbsent(uploadId, k -> new StageLock());
  }

  void forgetStageLock(String uploadId) {
    stageLocks.remove(uploadId);
  }

  <T> T withTableLock(TableMeta t, java.util.function.Supplier<T> action) {
    t.lock.lock();
    try {
      if (t.dropped) {
        throw new NotFoundException("Table " + t.id + " does not exist");
      }
      return action.get();
    } finally {
      t.lock.unlock();
    }
  }

  /** Statistics of a write: table and partition row counts, sizes and modification times. */
  static void recordWrite(DuckDBConnection c, TableMeta t, PartitionSpec spec, long rows, long bytes, long now)
      throws SQLException {
    CatalogStore.addToTable(c, t.tid, rows, bytes, now);
    if (!spec.isEmpty()) {
      CatalogStore.addToPartition(c, t.tid, spec, rows, bytes, now);
    }
  }

  /** Deletes the rows of the table or partition and zeroes their statistics (overwrite, truncate). */
  static void clearRowsAndStatistics(DuckDBConnection c, TableMeta t, PartitionSpec spec, long now)
      throws SQLException {
    deleteRows(c, t, spec);
    if (spec.isEmpty()) {
      CatalogStore.update(c, "UPDATE mc.tables SET record_count = 0, size_bytes = 0, last_modified = ?"
          + " WHERE tid = ?", now, t.tid);
    } else {
      Optional<PartitionInfo> before = CatalogStore.partition(c, t.tid, spec);
      if (before.isPresent()) {
        CatalogStore.addToTable(c, t.tid, -before.get().recordCount(), -before.get().sizeBytes(), now);
      }
    }
    CatalogStore.clearPartitions(c, t.tid, spec, now);
  }

  static void requirePartition(DuckDBConnection c, TableMeta t, PartitionSpec spec) throws SQLException {
    if (!spec.isEmpty() && CatalogStore.partition(c, t.tid, spec).isEmpty()) {
      throw new NotFoundException("Partition (" + spec + ") of table " + t.id + " does not exist");
    }
  }

  private static void deleteRows(DuckDBConnection c, TableMeta t, PartitionSpec spec) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.dataTable() + TableMeta.whereClause(spec))) {
      bind(ps, TableMeta.whereValues(spec), 1);
      ps.executeUpdate();
    }
  }

  static int bind(PreparedStatement ps, List<?> values, int first) throws SQLException {
    int index = first;
    for (Object v : values) {
      ps.setObject(index++, v);
    }
    return index;
  }

  private TableMeta meta(TableId id) {
    TableMeta t = tables.get(id);
    if (t == null) {
      throw new NotFoundException("Table " + id + " does not exist");
    }
    return t;
  }

  private static void checkColumnNames(TableId id, TableSchema schema) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Column c : concat(schema.columns(), schema.partitionColumns())) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("Column " + c.name() + " is declared twice in table " + id);
      }
      if (c.name().startsWith("__mc_")) {
        throw new IllegalArgumentException("Column names starting with __mc_ are reserved: " + c.name());
      }
    }
    if (schema.columns().isEmpty()) {
      throw new IllegalArgumentException("Table " + id + " needs at least one data column");
    }
  }

  private static List<Column> concat(List<Column> a, List<Column> b) {
    List<Column> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String createDataTableSql(TableMeta t) {
    List<String> columns = new ArrayList<>();
    columns.add(TableMeta.SEQ_COLUMN + " BIGINT");
    for (Column c : t.schema.columns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " " + PhysicalTypes.storageType(c.type()));
    }
    for (Column c : t.schema.partitionColumns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " VARCHAR");
    }
    return "CREATE TABLE " + t.dataTable() + " (" + String.join(", ", columns) + ")";
  }

  private static String createStageTableSql(TableMeta t) {
    List<String> columns = new ArrayList<>(List.of(DuckDbUploadStage.UPLOAD_COLUMN + " VARCHAR",
        DuckDbUploadStage.BLOCK_COLUMN + " BIGINT", DuckDbUploadStage.ROW_COLUMN + " BIGINT"));
    for (Column c : t.schema.columns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " " + PhysicalTypes.storageType(c.type()));
    }
    return "CREATE TABLE " + t.stageTable() + " (" + String.join(", ", columns) + ")";
  }

  private static String createViewSql(TableMeta t) {
    List<String> columns = new ArrayList<>();
    for (Column c : t.schema.columns()) {
      String quoted = PhysicalTypes.quote(c.name());
      columns.add(PhysicalTypes.viewExpression(c.type(), quoted) + " AS " + quoted);
    }
    for (Column c : t.schema.partitionColumns()) {
      columns.add(PhysicalTypes.quote(c.name()));
    }
    return "CREATE VIEW " + t.sqlView() + " AS SELECT " + String.join(", ", columns) + " FROM " + t.dataTable();
  }

  /** The SQL layer's view of this warehouse. */
  private final class SqlAccess implements SqlStorage {
    @Override
    public boolean projectExists(String project) {
      return project(project).isPresent();
    }

    @Override
    public Optional<TableInfo> table(TableId id) {
      return DuckDbWarehouse.this.table(id);
    }

    @Override
    public List<TableInfo> tables(String project, String schema) {
      return DuckDbWarehouse.this.tables(project, schema);
    }

    @Override
    public List<PartitionInfo> partitions(TableId id) {
      return DuckDbWarehouse.this.partitions(id);
    }

    @Override
    public boolean createTable(TableId id, TableSchema schema, String comment, long lifecycleDays) {
      return DuckDbWarehouse.this.createTable(id, schema, comment, lifecycleDays);
    }

    @Override
    public boolean dropTable(TableId id) {
      return DuckDbWarehouse.this.dropTable(id);
    }

    @Override
    public boolean createPartition(TableId id, PartitionSpec spec) {
      return DuckDbWarehouse.this.createPartition(id, spec);
    }

    @Override
    public boolean dropPartition(TableId id, PartitionSpec spec) {
      return DuckDbWarehouse.this.dropPartition(id, spec);
    }

    @Override
    public void truncate(TableId id, PartitionSpec spec) {
      DuckDbWarehouse.this.truncate(id, spec);
    }

    @Override
    public String sqlRelation(TableId id) {
      return meta(id).sqlView();
    }

    @Override
    public <T> T query(String duckDbSql, ResultHandler<T> handler) throws SQLException {
      try {
        return db.withConnection(c -> {
          try (PreparedStatement ps = c.prepareStatement(duckDbSql); ResultSet rs = ps.executeQuery()) {
            return handler.handle(rs);
          }
        });
      } catch (DuckDbConnections.StorageException e) {
        throw (SQLException) e.getCause();
      }
    }
  }
}
