package dev.mcsink.benchmarks;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The uncompressed size of the record streams a path produced, found by encoding the same rows again
 * with the SDK's own stream writer, raw, into nothing. Used when the path sent them compressed, so
 * that MB/s means the same for every path. Runs outside the timed section.
 */
final class RecordStreamSize {
  private RecordStreamSize() {
  }

  /**
   * @param rowsPerStream rows in each record stream the path sent (a block, or a flushed pack):
   *     every stream ends with its own count and checksum, so the cut matters slightly
   */
  static long of(TableSchema schema, RowShape shape, long rows, long rowsPerStream) throws IOException {
    Record record = new ArrayRecord(schema);
    long bytes = 0;
    for (long first = 0; first < rows; first += rowsPerStream) {
      ProtobufRecordStreamWriter writer =
          new ProtobufRecordStreamWriter(schema, OutputStream.nullOutputStream(), WireCompression.rawOption());
      for (long i = first; i < Math.min(rows, first + rowsPerStream); i++) {
        shape.fill(record, i);
        writer.write(record);
      }
      writer.close();
      bytes += writer.getTotalBytes();
    }
    return bytes;
  }
}
