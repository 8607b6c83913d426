package com.aliyun.odps.kafka.connect.wire;

import com.aliyun.odps.tunnel.io.CompressOption;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * The body of one Tunnel request that carries rows (a batch block, a stream pack): the rows in the
 * record format ({@link RowEncoder}), then the trailer (record count, and a CRC-32C of the rows'
 * checksums), compressed with the algorithm the request announces, through the same compression
 * libraries the SDK uses. Byte for byte what the SDK's writer sends for the same rows.
 */
public final class RecordBlock {
  private final BodyBytes body;
  private final long rows;
  private final long encodedBytes;

  private RecordBlock(BodyBytes body, long rows, long encodedBytes) {
    this.body = body;
    this.rows = rows;
    this.encodedBytes = encodedBytes;
  }

  /** Encodes {@code rows} and compresses them as {@code option} says. */
  public static RecordBlock encode(List<Object[]> rows, RowEncoder encoder, CompressOption option) {
    EncodedRows encoded = new EncodedRows(encoder);
    rows.forEach(encoded::add);
    return encoded.block(0, encoded.size(), option);
  }

  /** The request body, as the SDK sends a record pack's buffer. */
  public BodyBytes body() {
    return body;
  }

  public long rows() {
    return rows;
  }

  /** The size before compression; {@code body().size()} is the size sent. */
  public long encodedBytes() {
    return encodedBytes;
  }

  /** A block written row bytes first, then the rows' checksums. */
  static Builder builder(CompressOption option, long rowBytes) {
    return new Builder(option, rowBytes);
  }

  /** Streams encoded rows into the compressor, then adds the trailer. */
  static final class Builder {
    private final BodyBytes body;
    private final Deflater deflater;
    private final OutputStream out;
    private final CRC32C checksums = new CRC32C();
    private final byte[] checksum = new byte[4];
    private long encodedBytes;

    private Builder(CompressOption option, long rowBytes) {
      boolean raw = option == null || option.algorithm == CompressOption.CompressAlgorithm.ODPS_RAW;
      // Room for the rows and the trailer uncompressed; compressed text is usually well under half.
      this.body = new BodyBytes(raw ? rowBytes + 32 : rowBytes / 2 + 64);
      try {
        if (raw) {
          deflater = null;
          out = body;
        } else if (option.algorithm == CompressOption.CompressAlgorithm.ODPS_ZLIB) {
          deflater = new Deflater();
          deflater.setLevel(option.level);
          deflater.setStrategy(option.strategy);
          out = new DeflaterOutputStream(body, deflater, 64 * 1024);
        } else {
          deflater = null;
          out = compressing(option.algorithm, body);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("starting to compress a block in memory", e);
      }
    }

    private static OutputStream compressing(CompressOption.CompressAlgorithm algorithm, BodyBytes body)
        throws IOException {
      switch (algorithm) {
        case ODPS_SNAPPY:
          return new SnappyFramedOutputStream(body);
        case ODPS_LZ4_FRAME:
          return new LZ4FrameOutputStream(body);
        case ODPS_ZSTD:
          return new ZstdOutputStream(body);
        default:
          throw new IllegalArgumentException("unknown compression " + algorithm);
      }
    }

    void rows(byte[] bytes, int offset, int length) {
      write(bytes, offset, length);
    }

    void checksum(int rowChecksum) {
      for (int i = 0; i < 4; i++) {
        checksum[i] = (byte) (rowChecksum >>> (8 * i));
      }
      checksums.update(checksum, 0, 4);
    }

    RecordBlock build(long rowCount) {
      WireBytes trailer = new WireBytes(32);
      trailer.tag(RowEncoder.META_COUNT, 0);
      trailer.sint64(rowCount);
      trailer.tag(RowEncoder.META_CHECKSUM, 0);
      trailer.varint32((int) checksums.getValue());
      write(trailer.array(), 0, trailer.size());
      try {
        if (out != body) {
          out.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("compressing a block in memory", e);
      } finally {
        if (deflater != null) {
          deflater.end();
        }
      }
      return new RecordBlock(body, rowCount, encodedBytes);
    }

    private void write(byte[] bytes, int offset, int length) {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException("compressing a block in memory", e);
      }
      encodedBytes += length;
    }
  }
}
