package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import com.aliyun.odps.kafka.connect.tls.TrustStoreNettyChannels;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.impl.UpsertSessionImpl;
import com.aliyun.odps.tunnel.streams.UpsertStream;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Delta table written through the official SDK's upsert sessions (write.mode UPSERT). Each
 * {@link #write} is one session: the last change of each primary key among the rows (Kafka's order
 * decides) is upserted or deleted, flushed, and committed, so the changes appear all at once or not
 * at all. Replaying a write is harmless: an upsert or delete of a key gives the same row again.
 * A write that fails leaves its session uncommitted and aborts it; the caller writes the same rows
 * again in a new session.
 *
 * <p>How often this runs is the flush policy's business: Alibaba asks for minutes between upsert
 * commits on a table ({@code upsert.commit.interval.ms}).
 */
public final class UpsertTunnelTable extends TunnelTable {
  private static final Logger log = LoggerFactory.getLogger(UpsertTunnelTable.class);
  private static final String COMMITTED = "committed";
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final int[] keyIndexes;
  /**
   * The network threads of every session of this table. Left to itself the SDK starts a thread
   * group per session and waits for it to go quiet (two seconds and more) when the session closes.
   */
  private final EventLoopGroup network;
  /** retry_times: flushes the SDK sends again before the write fails and the task's own backoff takes over. */
  private final int retryTimes;
  /** Null: the SDK's own channels (http, or https on the JVM's trust). */
  private final TrustStoreNettyChannels httpsChannels;

  private UpsertTunnelTable(TableTunnel tunnel, TargetTable target, TunnelCompression compression, int retryTimes,
      TrustStoreNettyChannels httpsChannels, TunnelMetrics metrics) {
    super(tunnel, target, compression, metrics);
    this.retryTimes = retryTimes;
    this.httpsChannels = httpsChannels;
    List<String> key = target.primaryKey();
    if (key.isEmpty()) {
      throw new ConnectException("write.mode UPSERT needs a Delta table (a primary key and"
          + " \"transactional\"=\"true\"); " + target.displayName() + " has no primary key");
    }
    this.keyIndexes = new int[key.size()];
    for (int i = 0; i < keyIndexes.length; i++) {
      keyIndexes[i] = target.schema().getColumnIndex(key.get(i));
    }
    this.network = new NioEventLoopGroup(1, new DefaultThreadFactory("maxcompute-upsert-" + target.tableName(), true));
  }

  /**
   * Reads the table and returns an upsert writer for it.
   *
   * @throws ConnectException when the table can't be read or is not a Delta table;
   *     {@link TransientWriteException} when the service is unavailable
   */
  public static UpsertTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings) {
    return open(odps, tunnel, settings, TunnelMetrics.NONE);
  }

  /** As {@link #open(Odps, TableTunnel, SinkSettings)}, reporting sessions, commits and bytes to {@code metrics}. */
  public static UpsertTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings, TunnelMetrics metrics) {
    // The SDK puts TLS on the upsert channels when the service endpoint is https.
    boolean https = settings.endpoint().regionMatches(true, 0, "https:", 0, "https:".length());
    TrustStoreNettyChannels httpsChannels = https && settings.trustStore().isConfigured()
        ? TrustStoreNettyChannels.trusting(settings.trustStore())
        : null;
    return new UpsertTunnelTable(tunnel, TargetTable.read(odps, settings), settings.tunnelCompression(),
        settings.retryTimes(), httpsChannels, metrics);
  }

  @Override
  public void write(String partition, WriteBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    String where = target.where(partition);
    PartitionSpec spec = target.specOf(partition);
    if (spec != null) {
      ensurePartition(partition, spec, where);
    }
    List<Integer> changes = lastChangePerKey(batch);
    TableTunnel.UpsertSession session = openSession(spec, where);
    try {
      send(session, batch, changes, where);
      commit(session, changes.size(), where);
    } catch (RuntimeException e) {
      abort(session, where);
      throw e;
    } finally {
      session.close();
    }
    log.debug("Committed {} changes ({} rows) to {}", changes.size(), batch.size(), where);
  }

  /** Upserts keep value arrays: the last change per key is picked from them at write time. */
  @Override
  public RowEncoder rowEncoder() {
    return null;
  }

  /** Sessions live for one write each; only the network threads are held between writes. */
  @Override
  public void close() {
    network.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The SDK's upsert stream tells the size a flush sent; without compression that is the encoded size too. */
  private void reportSent(long sentBytes) {
    metrics.sent(target.displayName(), compression == TunnelCompression.NONE ? sentBytes : -1, sentBytes);
  }

  /** Indexes of the rows to send: per key, only its last change in the batch, in batch order. */
  List<Integer> lastChangePerKey(WriteBatch batch) {
    Map<List<Object>, Integer> last = new HashMap<>();
    List<Object[]> rows = batch.rows();
    for (int i = 0; i < rows.size(); i++) {
      last.put(keyOf(rows.get(i)), i);
    }
    List<Integer> indexes = new ArrayList<>(last.values());
    indexes.sort(null);
    return indexes;
  }

  private List<Object> keyOf(Object[] values) {
    Object[] key = new Object[keyIndexes.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[keyIndexes[i]];
    }
    return Arrays.asList(key);
  }

  private TableTunnel.UpsertSession openSession(PartitionSpec spec, String where) {
    UpsertSessionImpl.Builder builder = (UpsertSessionImpl.Builder) tunnel.buildUpsertSession(target.project(),
        target.tableName());
    Bootstrap bootstrap = UpsertSessionImpl.generateNettyBootstrap(builder.getConfig(), network);
    if (httpsChannels != null) {
      bootstrap.handler(httpsChannels);
    }
    builder.setNettyBootStrap(bootstrap);
    if (target.schemaName() != null) {
      builder.setSchemaName(target.schemaName());
    }
    if (spec != null) {
      builder.setPartitionSpec(spec);
    }
    TableTunnel.UpsertSession session;
    try {
      session = builder.build();
    } catch (Exception e) {
      throw WriteFailures.classify("Opening an upsert session on " + where, e);
    }
    metrics.counted(TunnelEvent.UPSERT_SESSION);
    return session;
  }

  private void send(TableTunnel.UpsertSession session, WriteBatch batch, List<Integer> changes, String where) {
    try (UpsertStream stream = session.buildUpsertStream().setCompressOption(compression.option())
        .setListener(new BoundedRetries(retryTimes, this::reportSent)).build()) {
      for (int index : changes) {
        Record record = session.newRecord();
        Object[] values = batch.rows().get(index);
        for (int column = 0; column < values.length; column++) {
          record.set(column, values[column]);
        }
        if (batch.isDelete(index)) {
          stream.delete(record);
        } else {
          stream.upsert(record);
        }
      }
      stream.flush();
    } catch (Exception e) {
      throw WriteFailures.classify("Writing " + changes.size() + " changes to " + where, e);
    }
  }

  /**
   * The SDK's own listener retries a failed flush for minutes; this one retries {@code retry_times}
   * times, a little later each time, then lets the write fail: the rows stay with the task, which
   * writes them again in a new session after its backoff.
   */
  private static final class BoundedRetries implements UpsertStream.Listener {
    private static final long PAUSE_MS = 500;
    private final int retryTimes;
    /** Takes the bytes each flush sent (after compression: the one size the SDK tells here). */
    private final LongConsumer sent;

    BoundedRetries(int retryTimes, LongConsumer sent) {
      this.retryTimes = retryTimes;
      this.sent = sent;
    }

    @Override
    public void onFlush(UpsertStream.FlushResult result) {
      log.trace("Flushed {} changes ({} bytes)", result.recordCount, result.flushSize);
      sent.accept(result.flushSize);
    }

    @Override
    public boolean onFlushFail(Exception error, int retry) {
      if (retry >= retryTimes) {
        return false;
      }
      try {
        Thread.sleep(PAUSE_MS * (retry + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return true;
    }
  }

  private void commit(TableTunnel.UpsertSession session, int changes, String where) {
    try {
      session.commit(false);
      metrics.counted(TunnelEvent.UPSERT_COMMIT);
    } catch (Exception e) {
      RuntimeException failure = WriteFailures.classify("Committing " + changes + " changes to " + where, e);
      // The answer may have been lost after the service committed: that is a success.
      if (failure instanceof TransientWriteException && committedAnyway(session)) {
        log.info("Upsert commit to {} reported a failure but the session is committed: {}", where, e.getMessage());
        metrics.counted(TunnelEvent.UPSERT_COMMIT);
        return;
      }
      throw failure;
    }
  }

  private static boolean committedAnyway(TableTunnel.UpsertSession session) {
    try {
      return COMMITTED.equalsIgnoreCase(session.getStatus());
    } catch (Exception e) {
      return false;
    }
  }

  /** Best effort: an uncommitted session would expire on its own; aborting frees it now. */
  private static void abort(TableTunnel.UpsertSession session, String where) {
    try {
      if (!COMMITTED.equalsIgnoreCase(session.getStatus())) {
        session.abort();
      }
    } catch (Exception e) {
      log.debug("Could not abort an upsert session on {}: {}", where, e.getMessage());
    }
  }
}
