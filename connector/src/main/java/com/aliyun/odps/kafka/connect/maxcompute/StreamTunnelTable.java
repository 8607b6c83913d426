package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RecordBlock;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.impl.StreamUploadSessionImpl;
import com.aliyun.odps.tunnel.io.CompressOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MaxCompute table written through the official SDK's streaming Tunnel ({@code use_streaming}).
 * Each {@link #write} sends its rows as one record pack (one request): when it returns they are
 * visible, no commit needed; when it throws none was taken, and the caller still holds them.
 *
 * <p>Stream sessions are long-lived: one per target partition (created with the partition when it
 * is missing), kept across writes and reused by every later write to that partition. The SDK
 * handles slot changes and reloads the session on 502/504. A session that fails in any way is
 * dropped, so the next write opens a new one; a cached session refused with a non-retriable
 * error (the service may no longer know it) is replaced at once and the write tried again on the
 * new one, and only a refusal on a brand-new session counts as the rows' fault.
 *
 * <p>Called from the task's thread only: one pack goes out at a time, so no writer pool is needed.
 */
public final class StreamTunnelTable extends TunnelTable {
  private static final Logger log = LoggerFactory.getLogger(StreamTunnelTable.class);
  /**
   * Sessions kept open; with a {@code pt} window only the current one or two are written, so the
   * rest are sessions of closed windows, dropped oldest-used first.
   */
  static final int MAX_OPEN_SESSIONS = 8;

  /** Open streams by pt value (null: non-partitioned table), least recently used first. */
  private final Map<String, OpenStream> streams = new LinkedHashMap<String, OpenStream>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, OpenStream> eldest) {
      return size() > MAX_OPEN_SESSIONS;
    }
  };

  private StreamTunnelTable(TableTunnel tunnel, TargetTable target, TunnelCompression compression,
      TunnelMetrics metrics) {
    super(tunnel, target, compression, metrics);
  }

  /**
   * Reads the table's schema and returns a streaming writer for it; sessions open on first write.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be read (missing,
   *     no permission); {@link TransientWriteException} when the service is unavailable
   */
  public static StreamTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings) {
    return open(odps, tunnel, settings, TunnelMetrics.NONE);
  }

  /** As {@link #open(Odps, TableTunnel, SinkSettings)}, reporting sessions, packs and bytes to {@code metrics}. */
  public static StreamTunnelTable open(Odps odps, TableTunnel tunnel, SinkSettings settings, TunnelMetrics metrics) {
    return new StreamTunnelTable(tunnel, TargetTable.read(odps, settings), settings.tunnelCompression(), metrics);
  }

  @Override
  public void write(String partition, WriteBatch batch) {
    EncodedRows rows = appendedRows(batch);
    if (rows.size() == 0) {
      return;
    }
    String where = target.where(partition);
    PartitionSpec spec = target.specOf(partition);
    OpenStream stream = streams.get(partition);
    boolean cached = stream != null;
    if (!cached) {
      stream = openStream(partition, spec, where);
    }
    RuntimeException failure = send(partition, stream, rows, where);
    if (failure == null) {
      return;
    }
    if (!cached || failure instanceof TransientWriteException) {
      throw failure;
    }
    log.info("A stream session of {} was refused ({}); writing again on a new session", where, failure.getMessage());
    failure = send(partition, openStream(partition, spec, where), rows, where);
    if (failure != null) {
      throw failure;
    }
  }

  /** Drops every session; the service keeps nothing to clean up (stream sessions have no commit). */
  @Override
  public void close() {
    streams.clear();
  }

  /** Appends and flushes; null when the service took the rows, else the classified failure (session dropped). */
  private RuntimeException send(String partition, OpenStream stream, EncodedRows rows, String where) {
    try {
      RecordBlock pack = stream.send(rows);
      metrics.counted(TunnelEvent.STREAM_PACK);
      metrics.sent(target.displayName(), pack.encodedBytes(), pack.body().size());
      return null;
    } catch (Exception e) {
      streams.remove(partition);
      return WriteFailures.classify("Streaming " + rows.size() + " rows to " + where, e);
    }
  }

  private OpenStream openStream(String partition, PartitionSpec spec, String where) {
    TableTunnel.StreamUploadSession.Builder builder =
        tunnel.buildStreamUploadSession(target.project(), target.tableName());
    if (target.schemaName() != null) {
      builder.setSchemaName(target.schemaName());
    }
    if (spec != null) {
      builder.setPartitionSpec(spec).setCreatePartition(true);
    }
    OpenStream stream;
    try {
      stream = new OpenStream(builder.build(), target.schema(), compression.option());
    } catch (Exception e) {
      throw WriteFailures.classify("Opening a stream session on " + where, e);
    }
    metrics.counted(TunnelEvent.STREAM_SESSION);
    streams.put(partition, stream);
    log.debug("Opened stream session {} on {}", stream.session.getId(), where);
    return stream;
  }

  /**
   * A session, and the encoder of its packs: rows are encoded here ({@link RecordBlock}) and the
   * SDK's session sends each pack as one request (it still picks the slot, signs, and reloads on
   * 502/504).
   */
  private static final class OpenStream {
    private final StreamUploadSessionImpl session;
    private final TableSchema schema;
    private final CompressOption compression;

    OpenStream(TableTunnel.StreamUploadSession session, TableSchema schema, CompressOption compression) {
      if (!(session instanceof StreamUploadSessionImpl)) {
        throw new IllegalStateException("the SDK made a stream session of " + session.getClass().getName()
            + ", which takes no encoded pack");
      }
      this.session = (StreamUploadSessionImpl) session;
      this.schema = schema;
      this.compression = compression;
    }

    /** Sends the rows as one pack; returns it, for its sizes. Stream sessions never transform dates. */
    RecordBlock send(EncodedRows rows) throws Exception {
      RecordBlock pack = rows.block(0, rows.size(), compression);
      session.writeBlock(new EncodedPack(schema, pack, compression, false), 0, null);
      return pack;
    }
  }
}
