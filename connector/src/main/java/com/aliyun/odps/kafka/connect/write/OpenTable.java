package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Instant;
import org.apache.kafka.connect.sink.SinkRecord;

/** A table a task writes, opened: its MaxCompute adapter and how records become its rows. */
final class OpenTable implements AutoCloseable {
  private final MaxComputeTable table;
  private final RowConversion rows;

  OpenTable(MaxComputeTable table, RowConversion rows) {
    this.table = table;
    this.rows = rows;
  }

  MaxComputeTable table() {
    return table;
  }

  String name() {
    return table.name();
  }

  /** See {@link RowConversion#convertOrRoute}. */
  Change convertOrRoute(SinkRecord record, RecordOrigin origin, Instant now) {
    return rows.convertOrRoute(record, origin, now);
  }

  /** When a buffer of this table opened at {@code now} can take no more rows. */
  Instant windowEnd(Instant now) {
    return rows.windowEnd(now);
  }

  @Override
  public void close() {
    table.close();
  }
}
