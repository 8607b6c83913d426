package dev.mcsink.localmc.codec;

import dev.mcsink.localmc.types.Column;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a tunnel record stream (the body of a block upload or a streaming write) record by record,
 * until the trailer. Stricter than the SDK's reader, because a server must refuse what it cannot
 * store: every record must end with a matching CRC, the trailer must come (count, then stream CRC,
 * both matching) and nothing may follow it; each field's wire type must match its column and a
 * column may appear once per record. Field n is {@code columns.get(n - 1)}.
 *
 * <p>Any malformation raises {@link RecordStreamException} naming the record and column; I/O errors
 * of the underlying stream pass through as {@link IOException}. Not thread-safe.
 */
public final class RecordStreamReader {
  /** The per-field limit an upload session advertises as MaxFieldSize (8 MiB). */
  public static final long DEFAULT_MAX_FIELD_BYTES = 8L * 1024 * 1024;

  private final List<Column> columns;
  /** The wire type each column's field must have. */
  private final int[] wireTypes;
  private final WireInput in;
  private final RecordChecksum recordCrc = new RecordChecksum();
  private final RecordChecksum streamCrc = new RecordChecksum();
  private final ValueDecoder decoder;
  private long recordsRead;
  private boolean finished;

  public RecordStreamReader(InputStream in, List<Column> columns) {
    this(in, columns, DEFAULT_MAX_FIELD_BYTES);
  }

  /** @param maxFieldBytes the largest STRING/VARCHAR/CHAR/JSON/BINARY/DECIMAL payload accepted */
  public RecordStreamReader(InputStream in, List<Column> columns, long maxFieldBytes) {
    this(in, columns, maxFieldBytes, true);
  }

  private RecordStreamReader(InputStream in, List<Column> columns, long maxFieldBytes, boolean parseJson) {
    this.columns = List.copyOf(columns);
    this.wireTypes = this.columns.stream().mapToInt(c -> TunnelWire.wireTypeOf(c.type())).toArray();
    this.in = new WireInput(in);
    this.decoder = new ValueDecoder(this.in, recordCrc, maxFieldBytes, parseJson);
  }

  /**
   * A reader of a stream this service read through and checked when it arrived (a staged block,
   * read again at commit): the same reading, except that JSON texts are not parsed again, which
   * for JSON columns was most of the second read.
   */
  public static RecordStreamReader ofChecked(InputStream in, List<Column> columns) {
    return new RecordStreamReader(in, columns, Long.MAX_VALUE, false);
  }

  /**
   * The next row, one value per column (null where the field is absent), or null once a valid trailer
   * has been read.
   */
  public Object[] read() throws IOException {
    if (finished) {
      return null;
    }
    String column = null;
    try {
      Object[] row = new Object[columns.size()];
      boolean[] present = new boolean[columns.size()];
      recordCrc.reset();
      boolean firstTag = true;
      while (true) {
        column = null;
        if (in.atEnd()) {
          throw new RecordStreamException(firstTag
              ? "body is truncated: it ends without the trailer (record count and checksum)"
              : "body is truncated: it ends inside a record");
        }
        int tag = in.readVarint32("a field tag");
        int field = tag >>> 3;
        int wireType = tag & 7;
        if (field == TunnelWire.END_RECORD) {
          expectWireType(wireType, TunnelWire.WIRETYPE_VARINT, "the end-of-record field");
          int checksum = in.readVarint32("the record checksum");
          if (checksum != recordCrc.value()) {
            throw new RecordStreamException(String.format(
                "record checksum mismatch: the body says %08x, the record's fields give %08x",
                checksum, recordCrc.value()));
          }
          streamCrc.updateInt(checksum);
          recordsRead++;
          return row;
        }
        if (field == TunnelWire.META_COUNT) {
          if (!firstTag) {
            throw new RecordStreamException("the trailer starts inside a record (no end-of-record field)");
          }
          finished = true;
          readTrailer(wireType);
          return null;
        }
        firstTag = false;
        if (field < 1 || field > columns.size()) {
          throw new RecordStreamException("field number " + field + " is not a column: the stream has "
              + columns.size() + " columns (fields 1 to " + columns.size() + ")");
        }
        Column c = columns.get(field - 1);
        column = c.name();
        if (wireType != wireTypes[field - 1]) {
          expectWireType(wireType, wireTypes[field - 1], "a " + c.type().typeName() + " column");
        }
        if (present[field - 1]) {
          throw new RecordStreamException("the column appears twice in the record");
        }
        present[field - 1] = true;
        recordCrc.updateInt(field);
        row[field - 1] = decoder.decode(c.type());
      }
    } catch (RecordStreamException e) {
      // a trailer problem belongs to the body, not to a record
      throw finished ? e : e.at(recordsRead, column);
    }
  }

  private void readTrailer(int wireType) throws IOException {
    expectWireType(wireType, TunnelWire.WIRETYPE_VARINT, "the record count field");
    long count = in.readSInt64("the trailer record count");
    if (count != recordsRead) {
      throw new RecordStreamException(
          "the trailer says " + count + " records but the body holds " + recordsRead);
    }
    if (in.atEnd()) {
      throw WireInput.truncated("the trailer (no stream checksum)");
    }
    int tag = in.readVarint32("the trailer");
    if (tag >>> 3 != TunnelWire.META_CHECKSUM) {
      throw new RecordStreamException(
          "the record count must be followed by the stream checksum field, got field " + (tag >>> 3));
    }
    expectWireType(tag & 7, TunnelWire.WIRETYPE_VARINT, "the stream checksum field");
    int checksum = in.readVarint32("the stream checksum");
    if (checksum != streamCrc.value()) {
      throw new RecordStreamException(String.format(
          "stream checksum mismatch: the trailer says %08x, the record checksums give %08x",
          checksum, streamCrc.value()));
    }
    if (!in.atEnd()) {
      throw new RecordStreamException("unexpected bytes after the trailer");
    }
  }

  private static void expectWireType(int actual, int expected, String what) {
    if (actual != expected) {
      throw new RecordStreamException("wire type " + TunnelWire.wireTypeName(actual) + " for " + what
          + ", expected " + TunnelWire.wireTypeName(expected));
    }
  }

  /** Records read so far (complete, checksum-verified records). */
  public long recordsRead() {
    return recordsRead;
  }
}
