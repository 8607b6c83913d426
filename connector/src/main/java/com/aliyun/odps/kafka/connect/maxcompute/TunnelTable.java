package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.List;

/**
 * What every Tunnel adapter shares: the table as read at start, the Tunnel client and the wire
 * compression. Each subclass writes through one Tunnel API.
 */
abstract class TunnelTable implements MaxComputeTable {
  protected final TableTunnel tunnel;
  protected final TargetTable target;
  protected final TunnelCompression compression;

  TunnelTable(TableTunnel tunnel, TargetTable target, TunnelCompression compression) {
    this.tunnel = tunnel;
    this.target = target;
    this.compression = compression;
  }

  /** The rows of an append write: deletes reach only an upsert table (write.mode UPSERT). */
  static List<Object[]> appendedRows(WriteBatch batch) {
    if (batch.hasDeletes()) {
      throw new IllegalArgumentException("an append write got deletes; only write.mode UPSERT makes them");
    }
    return batch.rows();
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
