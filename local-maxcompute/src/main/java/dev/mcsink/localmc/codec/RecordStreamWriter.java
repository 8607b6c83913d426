package dev.mcsink.localmc.codec;

import dev.mcsink.localmc.types.Column;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a tunnel record stream (the body of a download) byte for byte as the SDK's
 * ProtobufRecordStreamWriter: field n is {@code columns.get(n - 1)}, so for a download of some columns
 * pass the projected list (the SDK reader numbers fields by its requested column list). Null values
 * are omitted. {@link #close()} finishes the stream and closes the underlying stream, which must be
 * closed for a compressing {@link BodyEncoding} stream to write its end. Not thread-safe.
 */
public final class RecordStreamWriter implements Closeable {
  private final List<Column> columns;
  private final OutputStream sink;
  private final WireOutput out;
  private final RecordChecksum recordCrc = new RecordChecksum();
  private final RecordChecksum streamCrc = new RecordChecksum();
  private final ValueEncoder encoder;
  private long count;
  private boolean finished;
  private boolean closed;

  public RecordStreamWriter(OutputStream out, List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.sink = out;
    this.out = new WireOutput(out);
    this.encoder = new ValueEncoder(this.out, recordCrc);
  }

  /**
   * Writes one row, one value per column in the Java convention of its type (see
   * {@link dev.mcsink.localmc.types.MaxComputeType}); throws IllegalArgumentException for a row of the
   * wrong length or a value of the wrong class, after which the stream holds a partial record and
   * the response must be aborted rather than finished.
   */
  public void write(Object[] row) throws IOException {
    if (finished) {
      throw new IllegalStateException("the stream is already finished");
    }
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values but the stream has " + columns.size() + " columns");
    }
    recordCrc.reset();
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null) {
        continue;
      }
      Column column = columns.get(i);
      int field = i + 1;
      recordCrc.updateInt(field);
      out.writeTag(field, TunnelWire.wireTypeOf(column.type()));
      try {
        encoder.encode(row[i], column.type());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("record " + count + ", column '" + column.name() + "': "
            + e.getMessage(), e);
      }
    }
    int checksum = recordCrc.value();
    out.writeTag(TunnelWire.END_RECORD, TunnelWire.WIRETYPE_VARINT);
    out.writeVarint32(checksum);
    streamCrc.updateInt(checksum);
    count++;
  }

  /** Writes the trailer (record count, stream checksum) and flushes; close() calls it if not yet done. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    out.writeTag(TunnelWire.META_COUNT, TunnelWire.WIRETYPE_VARINT);
    out.writeSInt64(count);
    out.writeTag(TunnelWire.META_CHECKSUM, TunnelWire.WIRETYPE_VARINT);
    out.writeVarint32(streamCrc.value());
    out.flush();
  }

  /** Bytes of record stream produced so far (before any compression of the underlying stream). */
  public long bytesWritten() {
    return out.bytesWritten();
  }

  /** Records written so far. */
  public long recordsWritten() {
    return count;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      finish();
    } finally {
      sink.close();
    }
  }
}
