package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.TunnelCompression;
import com.aliyun.odps.tunnel.TableTunnel;

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

  @Override
  public final String name() {
    return target.displayName();
  }

  @Override
  public final TableSchema schema() {
    return target.schema();
  }

  @Override
  public final Record newRow() {
    return new ArrayRecord(target.schema());
  }
}
