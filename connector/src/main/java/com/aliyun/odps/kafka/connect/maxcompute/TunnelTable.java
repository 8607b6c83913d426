package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every Tunnel adapter shares: the table as read at start, the Tunnel client, the wire
 * compression and where to report its requests. Each subclass writes through one Tunnel API.
 */
abstract class TunnelTable implements MaxComputeTable {
  protected final TableTunnel tunnel;
  protected final TargetTable target;
  protected final TunnelCompression compression;
  protected final TunnelMetrics metrics;
  private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

  TunnelTable(TableTunnel tunnel, TargetTable target, TunnelCompression compression, TunnelMetrics metrics) {
    this.tunnel = tunnel;
    this.target = target;
    this.compression = compression;
    this.metrics = metrics;
  }

  /**
   * Creates the partition when this table has not seen it yet ({@code ALTER TABLE ... ADD IF NOT
   * EXISTS PARTITION}, so another task creating it at the same time is fine), then remembers it.
   */
  protected final void ensurePartition(String partition, PartitionSpec spec, String where) {
    if (knownPartitions.contains(partition)) {
      return;
    }
    try {
      target.table().createPartition(spec, true);
    } catch (Exception e) {
      throw WriteFailures.classify("Creating " + where, e);
    }
    knownPartitions.add(partition);
  }

  /** The rows of an append write, encoded: deletes reach only an upsert table (write.mode UPSERT). */
  EncodedRows appendedRows(WriteBatch batch) {
    if (batch.hasDeletes()) {
      throw new IllegalArgumentException("an append write got deletes; only write.mode UPSERT makes them");
    }
    return batch.encoded(rowEncoder());
  }

  /** Append tables take their rows encoded as they are buffered: no second copy of every value. */
  @Override
  public RowEncoder rowEncoder() {
    return new RowEncoder(target.schema(), false);
  }

  @Override
  public final String name() {
    return target.displayName();
  }

  @Override
  public final TableSchema schema() {
    return target.schema();
  }

  @Override
  public final List<String> primaryKey() {
    return target.primaryKey();
  }

  @Override
  public final Record newRow() {
    return new ArrayRecord(target.schema());
  }
}
