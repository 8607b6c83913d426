package dev.mcsink.benchmarks;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.io.CompressOption;

/**
 * Streaming upload: one stream session on the partition (created by the session if missing), one
 * record pack on one thread, flushed every {@code flushRows} rows and once more at the end. A flush
 * returning means its rows are visible; there is no commit.
 */
final class StreamUploadPath implements IngestionPath {
  private final TableTunnel tunnel;
  private final String project;
  private final long flushRows;
  private final WireCompression compression;

  StreamUploadPath(TableTunnel tunnel, String project, long flushRows, WireCompression compression) {
    this.tunnel = tunnel;
    this.project = project;
    this.flushRows = flushRows;
    this.compression = compression;
  }

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public int clientThreads() {
    return 1;
  }

  @Override
  public long rowsPerStream() {
    return flushRows;
  }

  @Override
  public Sent send(String table, PartitionSpec partition, RowShape shape, long rows) throws Exception {
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table)
        .setPartitionSpec(partition)
        .setCreatePartition(true)
        .build();
    // newRecordPack() takes the tunnel configuration's option; pass that same object explicitly.
    CompressOption option = compression.option(tunnel.getConfig().getCompressOption());
    TableTunnel.StreamRecordPack pack = session.newRecordPack(option);
    Record record = session.newRecord();
    long wireBytes = 0;
    for (long i = 0; i < rows; i++) {
      shape.fill(record, i);
      // append() encodes the record into the pack's buffer at once, so the record can be reused.
      pack.append(record);
      if (pack.getRecordCount() >= flushRows) {
        wireBytes += flush(pack);
      }
    }
    if (pack.getRecordCount() > 0) {
      wireBytes += flush(pack);
    }
    long recordStreamBytes = Sent.isRaw(option) ? wireBytes : Sent.NOT_COUNTED;
    return new Sent(recordStreamBytes, wireBytes, option, session.getSchema(), 0);
  }

  /** The flush size is the size of the pack's buffer: the record stream after compression. */
  private static long flush(TableTunnel.StreamRecordPack pack) throws Exception {
    return pack.flush(new TableTunnel.FlushOption()).getFlushSize();
  }
}
