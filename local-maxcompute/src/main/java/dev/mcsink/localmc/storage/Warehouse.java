package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the service keeps: projects, tables, partitions and rows, in an embedded SQL engine.
 * Rows are Object[] in data-column order, values as {@link dev.mcsink.localmc.types.MaxComputeType}
 * documents; partition values come from the {@link PartitionSpec}, never from the row.
 * All methods are thread-safe. Missing objects raise {@link NotFoundException}; input that does not
 * fit (bad spec, value out of range) raises {@link IllegalArgumentException} with a message for the user.
 */
public interface Warehouse extends AutoCloseable {

  // ---- projects ----
  /** Creates the project if absent (idempotent). */
  void ensureProject(String project);

  Optional<ProjectInfo> project(String project);

  // ---- tables and partitions ----
  Optional<TableInfo> table(TableId id);

  /**
   * The table's latest schema, known without reading its statistics: what a write needs on every
   * request (a streamed pack), where {@link #table} would read the catalog each time.
   */
  Optional<TableSchema> schema(TableId id);

  List<TableInfo> tables(String project, String schema);

  List<PartitionInfo> partitions(TableId id);

  Optional<PartitionInfo> partition(TableId id, PartitionSpec spec);

  /** Creates a plain table; false when one of that name exists already (nothing changed). */
  default boolean createTable(TableId id, TableSchema schema, String comment, long lifecycleDays) {
    return createTable(id, schema, TableProperties.NONE, comment, lifecycleDays);
  }

  /**
   * Creates a table, transactional or a Delta table as {@code properties} say (checked by
   * {@link TableProperties#check}); false when one of that name exists already.
   */
  boolean createTable(TableId id, TableSchema schema, TableProperties properties, String comment,
      long lifecycleDays);

  /** Drops a table with its rows and open uploads; false when it does not exist. */
  boolean dropTable(TableId id);

  /** Creates a partition if absent; returns true when it was created. */
  boolean createPartition(TableId id, PartitionSpec spec);

  /**
   * ALTER TABLE ADD COLUMNS: the columns go after the data columns; rows written before read NULL in
   * them. Upload stages opened before keep their schema. Refuses a name the table has already.
   */
  void addColumns(TableId id, List<Column> columns);

  /** Drops a partition and its rows; false when it does not exist. */
  boolean dropPartition(TableId id, PartitionSpec spec);

  /** Deletes the rows of the table, or of one partition when {@code spec} is not empty. */
  void truncate(TableId id, PartitionSpec spec);

  // ---- writes ----
  /** A batch upload's blocks: invisible until {@link UploadStage#commit}, then all visible at once. */
  UploadStage openUploadStage(String uploadId, TableId id, PartitionSpec spec, boolean overwrite);

  /** Reopens the stage of an upload session after a restart, or empty when it is unknown. */
  Optional<UploadStage> uploadStage(String uploadId);

  /**
   * A streaming write: the rows are durable and visible when this returns. Into a Delta table
   * (as batch upload commits too) each row replaces the committed row of its primary key.
   */
  void append(TableId id, PartitionSpec spec, List<Object[]> rows);

  /**
   * Applies a Delta table's change set to one partition, atomically: in list order, an upsert
   * replaces the row of its primary key, a delete removes it (only its key values matter).
   */
  void applyKeyed(TableId id, PartitionSpec spec, List<KeyedChange> changes);

  /**
   * SQL's INSERT: the rows of each partition (an empty spec: the unpartitioned table) are written in
   * one transaction, creating partitions that do not exist; with {@code overwrite} they replace the
   * rows of the partitions listed (all of an unpartitioned table), also when their list is empty.
   * Every row SQL writes comes through here; into a Delta table each row replaces the committed
   * row of its primary key.
   */
  void insert(TableId id, Map<PartitionSpec, List<Object[]>> rowsByPartition, boolean overwrite);

  // ---- reads ----
  long rowCount(TableId id, PartitionSpec spec);

  /**
   * Rows [start, start+count) of the table or partition in a stable order (the order they were
   * committed), projected on {@code columns} (data column names; empty list: all data columns).
   */
  void scan(TableId id, PartitionSpec spec, long start, long count, List<String> columns,
      Consumer<Object[]> sink);

  /**
   * Settles what is committed into the storage's own files, as the storage otherwise does on its
   * own once its log is large; waits for writes in progress. Benchmarks call it to count that work
   * against the rows that caused it.
   */
  void checkpoint();

  @Override
  void close();
}
