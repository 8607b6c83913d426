package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The blocks of one batch upload, kept in the table's staging table (rows keyed by upload id,
 * block id and row number) and in the catalog ({@code mc.stages}, {@code mc.blocks}), so a stage
 * survives a restart. Blocks of one upload are written in parallel ({@link StageLock}); a commit
 * excludes them, also takes the table's lock and moves the listed blocks' rows in one transaction.
 */
final class DuckDbUploadStage implements UploadStage {
  static final String UPLOAD_COLUMN = "__mc_upload";
  static final String BLOCK_COLUMN = "__mc_block";
  static final String ROW_COLUMN = "__mc_row";

  private final DuckDbConnections db;
  private final StageLocks locks;
  private final String uploadId;
  private final TableMeta table;
  private final PartitionSpec partition;
  private final boolean overwrite;
  /** Data columns of the upload's schema: the table's first ones when the upload began. */
  private final int columnCount;

  DuckDbUploadStage(DuckDbConnections db, StageLocks locks, String uploadId, TableMeta table,
      PartitionSpec partition, boolean overwrite, int columnCount) {
    this.db = db;
    this.locks = locks;
    this.uploadId = uploadId;
    this.table = table;
    this.partition = partition;
    this.overwrite = overwrite;
    this.columnCount = columnCount;
  }

  @Override
  public String uploadId() {
    return uploadId;
  }

  @Override
  public TableId table() {
    return table.id;
  }

  @Override
  public PartitionSpec partition() {
    return partition;
  }

  @Override
  public TableSchema schema() {
    return table.schema.firstColumns(columnCount);
  }

  /**
   * Rows hold the upload's columns; columns added to the table since are NULL. The staging table has
   * every column; its width is read in the block's transaction, so it is the width the appender sees.
   */
  @Override
  public void writeBlock(long blockId, Iterator<Object[]> rows) {
    RowWriter writer = new RowWriter(schema().columns());
    try {
      writeBlock(blockId, rows, writer);
    } catch (DuckDbConnections.StorageException e) {
      throw table.droppedOr(e); // the staging table goes with a table dropped meanwhile
    }
  }

  private void writeBlock(long blockId, Iterator<Object[]> rows, RowWriter writer) {
    locks.of(uploadId).whileWritingBlock(blockId, () -> db.inTransaction(false, c -> {
      requireStage(c);
      boolean resent = CatalogStore.blocks(c, uploadId).stream().anyMatch(b -> b.blockId() == blockId);
      if (resent) {
        deleteStagedRows(c, " AND " + BLOCK_COLUMN + " = ?", blockId);
        CatalogStore.deleteBlock(c, uploadId, blockId);
      }
      int width = stagedDataColumns(c);
      long count = 0;
      long bytes = 0;
      // encoded once: the appender would encode a String again for every row
      byte[] uploadIdUtf8 = uploadId.getBytes(StandardCharsets.UTF_8);
      try (DuckDBAppender appender = c.createAppender("data", table.stageTableName())) {
        while (rows.hasNext()) {
          Object[] row = rows.next();
          appender.beginRow();
          appender.append(uploadIdUtf8);
          appender.append(blockId);
          appender.append(count);
          bytes += writer.append(appender, row);
          for (int i = columnCount; i < width; i++) {
            appender.appendNull();
          }
          appender.endRow();
          count++;
        }
      }
      CatalogStore.insertBlock(c, uploadId, new BlockInfo(blockId, count, bytes, System.currentTimeMillis()));
      return null;
    }));
  }

  @Override
  public List<BlockInfo> blocks() {
    return db.withConnection(c -> CatalogStore.blocks(c, uploadId));
  }

  @Override
  public void commit(List<Long> blockIds) {
    List<Long> ordered = new ArrayList<>(new LinkedHashSet<>(blockIds));
    withStageLock(() -> table.whileLocked(() -> {
      long base = table.nextSeq;
      long inserted = db.inTransaction(true, c -> {
        requireStage(c);
        CommittedRows.requirePartition(c, table, partition);
        Map<Long, BlockInfo> written = CatalogStore.blocks(c, uploadId).stream()
            .collect(Collectors.toMap(BlockInfo::blockId, Function.identity()));
        long bytes = 0;
        for (Long id : ordered) {
          BlockInfo block = written.get(id);
          if (block == null) {
            throw new IllegalArgumentException("Block " + id + " was not uploaded in upload " + uploadId);
          }
          bytes += block.rawSizeBytes();
        }
        long now = System.currentTimeMillis();
        if (overwrite) {
          CommittedRows.clear(c, table, partition, now);
        }
        long rows = ordered.isEmpty() ? 0 : moveRows(c, ordered, written, base);
        deleteStagedRows(c, "");
        CatalogStore.deleteStage(c, uploadId);
        CommittedRows.recordWrite(c, table, partition, rows, bytes, now);
        KeyedRows.supersede(c, table, partition, base);
        return rows;
      });
      table.nextSeq = base + inserted;
      return null;
    }));
    locks.forget(uploadId);
  }

  @Override
  public void discard() {
    withStageLock(() -> db.inTransaction(true, c -> {
      deleteStagedRows(c, "");
      CatalogStore.deleteStage(c, uploadId);
      return null;
    }));
    locks.forget(uploadId);
  }

  /**
   * INSERT ... SELECT of the listed blocks, numbered in list order then row order from {@code base}.
   * Each block's first number is the sum of the catalog row counts of the blocks listed before it
   * (a block's count and its staged rows 0..count-1 are written in one transaction), so a row's
   * number is {@code base + start(block) + row}: no window function, hence no sort of every row.
   */
  private long moveRows(DuckDBConnection c, List<Long> blockIds, Map<Long, BlockInfo> written, long base)
      throws SQLException {
    String dataColumns = table.schema.columns().stream().map(Column::name).map(PhysicalTypes::quote)
        .collect(Collectors.joining(", "));
    List<String> targetColumns = new ArrayList<>();
    targetColumns.add(TableMeta.SEQ_COLUMN);
    targetColumns.add(dataColumns);
    List<String> selected = new ArrayList<>();
    selected.add("CAST(? AS BIGINT) + o.start + s." + ROW_COLUMN);
    selected.add(table.schema.columns().stream().map(col -> "s." + PhysicalTypes.quote(col.name()))
        .collect(Collectors.joining(", ")));
    for (String key : partition.values().keySet()) {
      targetColumns.add(PhysicalTypes.quote(key));
      selected.add("CAST(? AS VARCHAR)");
    }
    StringBuilder starts = new StringBuilder();
    long expected = 0;
    for (Long id : blockIds) {
      starts.append(starts.length() == 0 ? "" : ", ");
      starts.append('(').append(id).append(", ").append(expected).append(')');
      expected += written.get(id).recordCount();
    }
    String sql = "INSERT INTO " + table.dataTable() + " (" + String.join(", ", targetColumns) + ") SELECT "
        + String.join(", ", selected) + " FROM " + table.stageTable() + " s JOIN (VALUES " + starts
        + ") o(blk, start) ON s." + BLOCK_COLUMN + " = o.blk WHERE s." + UPLOAD_COLUMN + " = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int index = 1;
      ps.setLong(index++, base);
      for (String value : partition.values().values()) {
        ps.setString(index++, value);
      }
      ps.setString(index, uploadId);
      long moved = ps.executeUpdate();
      if (moved != expected) {
        // numbers would overlap or leave gaps; never expected, but refuse rather than corrupt the order
        throw new IllegalStateException("Upload " + uploadId + ": " + moved + " staged rows for " + expected
            + " recorded in the catalog");
      }
      return moved;
    }
  }

  private void deleteStagedRows(DuckDBConnection c, String condition, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM " + table.stageTable() + " WHERE " + UPLOAD_COLUMN + " = ?" + condition)) {
      ps.setString(1, uploadId);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 2, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private int stagedDataColumns(DuckDBConnection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_schema = 'data' AND table_name = ?")) {
      ps.setString(1, table.stageTableName());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) - 3; // upload, block and row number
      }
    }
  }

  private void requireStage(DuckDBConnection c) throws SQLException {
    if (table.dropped) {
      throw new NotFoundException("Table " + table.id + " does not exist");
    }
    if (CatalogStore.stage(c, uploadId).isEmpty()) {
      throw new NotFoundException("Upload " + uploadId + " does not exist (committed or discarded)");
    }
  }

  private void withStageLock(java.util.function.Supplier<?> action) {
    locks.of(uploadId).exclusively(action);
  }
}
