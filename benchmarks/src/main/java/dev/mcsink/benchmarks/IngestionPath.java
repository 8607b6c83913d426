package dev.mcsink.benchmarks;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.tunnel.io.CompressOption;

/** One way of getting rows into a table through the SDK's Tunnel client. */
interface IngestionPath {
  /** Short name printed in the results. */
  String name();

  /** How many threads encode and send rows. */
  int clientThreads();

  /** Rows in each record stream sent: a block, or a flushed pack. */
  long rowsPerStream();

  /**
   * Sends rows {@code 0..rows-1} of the shape into the partition (created if the path needs it) and
   * returns once they are committed (visible to SQL).
   */
  Sent send(String table, PartitionSpec partition, RowShape shape, long rows) throws Exception;

  /**
   * What a run sent, as far as the SDK's own counters tell; {@link #NOT_COUNTED} where they don't.
   *
   * @param recordStreamBytes uncompressed protobuf record-stream bytes
   * @param wireBytes record-stream bytes after compression (equal to the above when raw)
   * @param compression how the streams were compressed
   * @param schema the data columns, as the session described them
   * @param writerCpuNanos CPU time of writer threads other than the caller's (0 when there are none)
   */
  record Sent(long recordStreamBytes, long wireBytes, CompressOption compression, TableSchema schema,
      long writerCpuNanos) {
    static final long NOT_COUNTED = -1;

    static boolean isRaw(CompressOption compression) {
      return compression.algorithm == CompressOption.CompressAlgorithm.ODPS_RAW;
    }
  }
}
