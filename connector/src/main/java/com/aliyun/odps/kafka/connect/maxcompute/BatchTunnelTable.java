package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.kafka.connect.wire.DateTransform;
import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RecordBlock;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.io.CompressOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MaxCompute table written through the official SDK's batch Tunnel. Each {@link #write} is one
 * upload session: the rows are cut into at most {@code sink_pool_size} blocks of at least {@code
 * record_batch_size} records ({@link #blockCount}), uploaded in parallel by a pool owned by this
 * table (one per task), then committed together, so they appear all at once or not at all. A failed write leaves its
 * session uncommitted: retrying writes the same rows into a new session without duplicates.
 *
 * <p>With {@code exactly_once}, each write also records, before its commit, which Kafka offsets the
 * session holds ({@link OffsetsLedger}), and {@link #committedOffsets} reads that back.
 *
 * <p>A missing partition is created once ({@link TunnelTable#ensurePartition}).
 */
public final class BatchTunnelTable extends TunnelTable {
  private static final Logger log = LoggerFactory.getLogger(BatchTunnelTable.class);
  /** The service accepts block ids in [0, 20000). */
  static final int MAX_BLOCKS = 20_000;

  private final int recordBatchSize;
  private final int poolSize;
  private final ExecutorService blockWriters;
  /** Null when at least once; else what this task records of its writes (exactly_once). */
  private final OffsetsLedger ledger;

  private BatchTunnelTable(TableTunnel tunnel, TargetTable target, int recordBatchSize, int poolSize,
      TunnelCompression compression, OffsetsLedger ledger, TunnelMetrics metrics) {
    super(tunnel, target, compression, metrics);
    this.recordBatchSize = Math.max(1, recordBatchSize);
    this.poolSize = Math.max(1, poolSize);
    this.blockWriters = newPool(this.poolSize, target.tableName());
    this.ledger = ledger;
  }

  /**
   * Reads the table's schema and returns a writer for it.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be read (missing,
   *     no permission); {@link TransientWriteException} when the service is unavailable
   */
  public static BatchTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings) {
    return open(odps, tunnel, settings, TunnelMetrics.NONE);
  }

  /** As {@link #open(Odps, TableTunnel, SinkSettings)}, reporting sessions, blocks and bytes to {@code metrics}. */
  public static BatchTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings, TunnelMetrics metrics) {
    TargetTable target = TargetTable.read(odps, settings);
    OffsetsLedger ledger = null;
    if (settings.exactlyOnce()) {
      if (settings.connectorName().isEmpty()) {
        throw new ConnectException("exactly_once keeps offsets per connector: the configuration needs the"
            + " connector's name ('name', which Connect always gives)");
      }
      OffsetsStateTable state = OffsetsStateTable.open(odps, tunnel, target, settings.connectorName(), settings.taskIndex());
      ledger = new OffsetsLedger(state, new TargetUploads(tunnel, target), Clock.systemUTC());
    }
    return new BatchTunnelTable(tunnel, target, settings.recordBatchSize(), settings.sinkPoolSize(),
        settings.tunnelCompression(), ledger, metrics);
  }

  @Override
  public void write(String partition, WriteBatch batch) {
    EncodedRows rows = appendedRows(batch);
    if (rows.size() == 0) {
      return;
    }
    String where = target.where(partition);
    PartitionSpec spec = target.specOf(partition);
    if (spec != null) {
      ensurePartition(partition, spec, where);
    }
    TableTunnel.UploadSession session;
    try {
      session = spec == null
          ? tunnel.createUploadSession(target.project(), target.schemaName(), target.tableName(), false)
          : tunnel.createUploadSession(target.project(), target.schemaName(), target.tableName(), spec, false);
    } catch (Exception e) {
      throw WriteFailures.classify("Opening an upload session on " + where, e);
    }
    metrics.counted(TunnelEvent.UPLOAD_SESSION);
    if (session.isShouldTransform() != rows.transformsDates()) {
      // The service asked for client-side DATETIME shifting (it never has in practice): encode again for it.
      rows = DateTransform.reencode(rows, target.schema(), session.isShouldTransform());
    }
    Long[] blockIds = uploadBlocks(session, rows, where);
    if (ledger == null) {
      UploadCommit.commit(session, blockIds, where);
    } else {
      // Recorded before the commit: a task that stops in between leaves an entry naming a fully
      // uploaded session, which the next reader commits (or finds committed) instead of rewriting.
      List<OffsetEntry> pending = ledger.recordBeforeCommit(session.getId(), blockIds.length, partition, batch.lastOffsets());
      UploadCommit.commit(session, blockIds, where);
      ledger.committed(pending);
    }
    metrics.counted(TunnelEvent.UPLOAD_COMMIT);
    log.debug("Committed {} rows in {} blocks to {}", rows.size(), blockIds.length, where);
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    return ledger == null ? Map.of() : ledger.committedOffsets(partitions);
  }

  @Override
  public void close() {
    blockWriters.shutdownNow();
  }

  /**
   * Blocks of one write: one per writer thread at most, and none smaller than record_batch_size rows.
   * Few large blocks, because the service counts blocks per table (500 per 5 minutes) and
   * recommends large ones; several, because one block writer streams at only about 10 MB/s.
   */
  static int blockCount(int rows, int recordBatchSize, int poolSize) {
    int bySize = (int) Math.min(MAX_BLOCKS, (rows + (long) recordBatchSize - 1) / recordBatchSize);
    return Math.max(1, Math.min(poolSize, bySize));
  }

  private Long[] uploadBlocks(TableTunnel.UploadSession session, EncodedRows rows, String where) {
    int blocks = blockCount(rows.size(), recordBatchSize, poolSize);
    int perBlock = (rows.size() + blocks - 1) / blocks;
    Long[] blockIds = new Long[blocks];
    List<Future<?>> uploads = new ArrayList<>(blocks);
    for (int i = 0; i < blocks; i++) {
      long blockId = i;
      blockIds[i] = blockId;
      int from = i * perBlock;
      int to = Math.min(rows.size(), (i + 1) * perBlock);
      uploads.add(blockWriters.submit(() -> {
        writeBlock(session, blockId, rows, from, to);
        return null;
      }));
    }
    Throwable firstFailure = null;
    for (Future<?> upload : uploads) {
      try {
        upload.get();
      } catch (ExecutionException e) {
        if (firstFailure == null) {
          firstFailure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        uploads.forEach(u -> u.cancel(true));
        throw new TransientWriteException("Interrupted while writing to " + where, e);
      }
    }
    if (firstFailure != null) {
      throw WriteFailures.classify("Writing a block of " + where, firstFailure);
    }
    return blockIds;
  }

  /** Rows [from, to), encoded already, compressed here and sent by the SDK as a record pack. */
  private void writeBlock(TableTunnel.UploadSession session, long blockId, EncodedRows rows, int from, int to)
      throws Exception {
    CompressOption option = compression.option();
    RecordBlock block = rows.block(from, to, option);
    session.writeBlock(blockId, new EncodedPack(target.schema(), block, option, rows.transformsDates()));
    metrics.counted(TunnelEvent.BLOCK);
    metrics.sent(target.displayName(), block.encodedBytes(), block.body().size());
  }

  private static ExecutorService newPool(int size, String tableName) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "maxcompute-block-writer-" + tableName + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
