package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.Iterator;
import java.util.List;
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

  /** Creates a partition if absent; returns true when it was created. */
  boolean createPartition(TableId id, PartitionSpec spec);

  // ---- writes ----
  /** A batch upload's blocks: invisible until {@link UploadStage#commit}, then all visible at once. */
  UploadStage openUploadStage(String uploadId, TableId id, PartitionSpec spec, boolean overwrite);

  /** Reopens the stage of an upload session after a restart, or empty when it is unknown. */
  Optional<UploadStage> uploadStage(String uploadId);

  /** A streaming write: the rows are durable and visible when this returns. */
  void append(TableId id, PartitionSpec spec, List<Object[]> rows);

  // ---- reads ----
  long rowCount(TableId id, PartitionSpec spec);

  /**
   * Rows [start, start+count) of the table or partition in a stable order (the order they were
   * committed), projected on {@code columns} (data column names; empty list: all data columns).
   */
  void scan(TableId id, PartitionSpec spec, long start, long count, List<String> columns,
      Consumer<Object[]> sink);

  // ---- SQL ----
  /**
   * Runs a script of MaxCompute SQL statements (separated by ';', leading {@code set k=v;} accepted)
   * with {@code project}/{@code schema} as the defaults for unqualified names.
   */
  SqlOutcome executeSql(String project, String schema, String script);

  @Override
  void close();

  /** Block storage of one batch upload session. */
  interface UploadStage {
    String uploadId();

    TableId table();

    PartitionSpec partition();

    /** Stores the rows of a block, replacing any earlier block with the same id; durable on return. */
    void writeBlock(long blockId, Iterator<Object[]> rows);

    List<BlockInfo> blocks();

    /** Makes the listed blocks visible in one transaction, then forgets the stage. */
    void commit(List<Long> blockIds);

    /** Forgets the stage without making anything visible. */
    void discard();
  }

  record ProjectInfo(String name, long creationTimeMillis, String comment) {}

  record TableInfo(TableId id, TableSchema schema, String comment, long lifecycleDays,
      long createTimeMillis, long lastDdlTimeMillis, long lastModifiedTimeMillis,
      long recordCount, long sizeBytes) {}

  record PartitionInfo(PartitionSpec spec, long createTimeMillis, long lastDdlTimeMillis,
      long lastModifiedTimeMillis, long recordCount, long sizeBytes) {}

  record BlockInfo(long blockId, long recordCount, long rawSizeBytes, long createTimeMillis) {}

  /**
   * Outcome of a SQL script: on success {@code csv} is the result of the last statement that has one
   * (for a query: header line of column names, '\N' for null, values in MaxCompute's text form;
   * for DESC/SHOW: text, with {@code tabular} false), or "" for DDL; on failure
   * {@code errorMessage} says what is wrong, as MaxCompute's ODPS-xxxxxxx messages do.
   */
  record SqlOutcome(boolean success, String csv, String errorMessage, boolean tabular) {
    public static SqlOutcome ok(String csv) {
      return new SqlOutcome(true, csv, null, true);
    }

    public static SqlOutcome text(String text) {
      return new SqlOutcome(true, text, null, false);
    }

    public static SqlOutcome failed(String message) {
      return new SqlOutcome(false, null, message, false);
    }
  }

  /** A project, table or partition that does not exist. */
  final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }
}
