package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
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

  List<TableInfo> tables(String project, String schema);

  List<PartitionInfo> partitions(TableId id);

  Optional<PartitionInfo> partition(TableId id, PartitionSpec spec);

  /** Creates a table; false when one of that name exists already (nothing changed). */
  boolean createTable(TableId id, TableSchema schema, String comment, long lifecycleDays);

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

  /** A streaming write: the rows are durable and visible when this returns. */
  void append(TableId id, PartitionSpec spec, List<Object[]> rows);

  /**
   * SQL's INSERT: the rows of each partition (an empty spec: the unpartitioned table) are written in
   * one transaction, creating partitions that do not exist; with {@code overwrite} they replace the
   * rows of the partitions listed (all of an unpartitioned table), also when their list is empty.
   * Every row SQL writes comes through here.
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

  @Override
  void close();
}
