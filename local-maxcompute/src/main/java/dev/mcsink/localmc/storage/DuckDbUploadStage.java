package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.codec.RecordStreamReader;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * The blocks of one batch upload: each block's record stream, checked when it arrives, kept in a
 * file ({@link BlockFiles}) named by its catalog row ({@code mc.stages}, {@code mc.blocks}), so a
 * stage survives a restart. Blocks of one upload are written in parallel ({@link StageLock}); a
 * commit excludes them, also takes the table's lock and, in one transaction, decodes the listed
 * blocks into the data table with one appender, a thread decoding ahead of it: each row is stored once.
 */
final class DuckDbUploadStage implements UploadStage {
  private static final int FILE_BUFFER_BYTES = 64 * 1024;

  private final DuckDbConnections db;
  private final BlockFiles files;
  private final StageLocks locks;
  private final String uploadId;
  private final TableMeta table;
  private final PartitionSpec partition;
  private final boolean overwrite;
  /** Data columns of the upload's schema: the table's first ones when the upload began. */
  private final int columnCount;

  DuckDbUploadStage(DuckDbConnections db, BlockFiles files, StageLocks locks, String uploadId, TableMeta table,
      PartitionSpec partition, boolean overwrite, int columnCount) {
    this.db = db;
    this.files = files;
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
   * Checks the stream row by row as it copies it to a new file (so a bad block is refused here, not
   * at commit), then records the block in the catalog; the file of a block it replaces goes once
   * that is committed.
   */
  @Override
  public void writeBlock(long blockId, InputStream recordStream) {
    try {
      locks.of(uploadId).whileWritingBlock(blockId, () -> {
        db.withConnection(c -> {
          requireStage(c);
          return null;
        });
        Path file = files.create(uploadId, blockId);
        boolean recorded = false;
        try {
          BlockInfo block = keep(blockId, recordStream, file);
          String replaced = db.inTransaction(false, c -> {
            requireStage(c);
            Map<Long, String> written = CatalogStore.blockFiles(c, uploadId);
            if (written.containsKey(blockId)) { // re-sent
              CatalogStore.deleteBlock(c, uploadId, blockId);
            }
            CatalogStore.insertBlock(c, uploadId, block, BlockFiles.name(file));
            return written.get(blockId);
          });
          recorded = true;
          if (replaced != null) {
            files.delete(uploadId, replaced);
          }
        } finally {
          if (!recorded) {
            files.delete(file);
          }
        }
        return null;
      });
    } catch (DuckDbConnections.StorageException e) {
      throw table.droppedOr(e); // a table dropped meanwhile
    }
  }

  /** Reads the whole stream, checking every row, into {@code file}, forced to disk. */
  private BlockInfo keep(long blockId, InputStream recordStream, Path file) {
    RowWriter checker = new RowWriter(schema().columns());
    long count = 0;
    long bytes = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), FILE_BUFFER_BYTES);
      RecordStreamReader reader = new RecordStreamReader(new CopyingInputStream(recordStream, out),
          schema().columns());
      for (Object[] row = read(reader); row != null; row = read(reader)) {
        bytes += checker.check(row);
        count++;
      }
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new CopyingInputStream.SinkFailure(e);
    }
    return new BlockInfo(blockId, count, bytes, System.currentTimeMillis());
  }

  /** The next row; a body that cannot be read is the client's failure, unlike the file's. */
  private static Object[] read(RecordStreamReader reader) {
    try {
      return reader.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        Map<Long, String> blockFiles = CatalogStore.blockFiles(c, uploadId);
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
        long rows = appendBlocks(c, ordered, written, blockFiles, base);
        CatalogStore.deleteStage(c, uploadId);
        CommittedRows.recordWrite(c, table, partition, rows, bytes, now);
        KeyedRows.supersede(c, table, partition, base);
        return rows;
      });
      table.nextSeq = base + inserted;
      return null;
    }));
    locks.forget(uploadId);
    files.deleteUpload(uploadId);
  }

  @Override
  public void discard() {
    withStageLock(() -> db.inTransaction(true, c -> {
      CatalogStore.deleteStage(c, uploadId);
      return null;
    }));
    locks.forget(uploadId);
    files.deleteUpload(uploadId);
  }

  /**
   * Decodes the listed blocks into the data table, numbered in list order then row order from
   * {@code base}; columns added since the upload began are NULL. The streams were checked when
   * they arrived; the checks the appender makes on the way cost little beside the append. The
   * blocks are decoded on another thread while this one appends ({@link DecodedBlocks}).
   */
  private long appendBlocks(DuckDBConnection c, List<Long> blockIds, Map<Long, BlockInfo> written,
      Map<Long, String> blockFiles, long base) throws SQLException {
    List<String> names = new ArrayList<>(blockIds.size());
    for (Long id : blockIds) {
      String file = blockFiles.get(id);
      if (file == null) {
        throw new IllegalStateException("Upload " + uploadId + ": block " + id
            + " was staged as rows by an earlier version of the service; upload it again");
      }
      names.add(file);
    }
    List<Column> columns = schema().columns();
    long seq = base;
    long blockFirst = base;
    try (DataRowAppender appender = new DataRowAppender(c, table, columns, partition);
        DecodedBlocks decoded = files.decode(uploadId, names, columns)) {
      int blocksDone = 0;
      while (blocksDone < names.size()) {
        DecodedBlocks.Batch batch = decoded.next();
        for (Object[] row : batch.rows()) {
          appender.append(seq++, row);
        }
        if (batch.blockEnd()) {
          long id = blockIds.get(batch.block());
          if (seq - blockFirst != written.get(id).recordCount()) {
            // numbers would overlap or leave gaps; never expected, but refuse rather than corrupt the order
            throw new IllegalStateException("Upload " + uploadId + ": block " + id + " holds " + (seq - blockFirst)
                + " rows, " + written.get(id).recordCount() + " recorded in the catalog");
          }
          blockFirst = seq;
          blocksDone++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Upload " + uploadId + ": interrupted while committing", e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Upload " + uploadId + ": " + e.getMessage(), e.getCause());
    }
    return seq - base;
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
