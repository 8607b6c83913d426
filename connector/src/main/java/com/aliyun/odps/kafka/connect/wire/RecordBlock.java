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
  private final WireBytes body;
  private final long rows;
  private final long encodedBytes;

  private RecordBlock(WireBytes body, long rows, long encodedBytes) {
    this.body = body;
    this.rows = rows;
    this.encodedBytes = encodedBytes;
  }

  /** Encodes {@code rows} and compresses them as {@code option} says. */
  public static RecordBlock encode(List<Object[]> rows, RowEncoder encoder, CompressOption option) {
    WireBytes plain = new WireBytes(Math.max(64, rows.size() * 64));
    CRC32C checksums = new CRC32C();
    byte[] checksum = new byte[4];
    for (Object[] row : rows) {
      int rowChecksum = encoder.encode(row, plain);
      for (int i = 0; i < 4; i++) {
        checksum[i] = (byte) (rowChecksum >>> (8 * i));
      }
      checksums.update(checksum, 0, 4);
    }
    plain.tag(RowEncoder.META_COUNT, 0);
    plain.sint64(rows.size());
    plain.tag(RowEncoder.META_CHECKSUM, 0);
    plain.varint32((int) checksums.getValue());
    return new RecordBlock(compress(plain, option), rows.size(), plain.size());
  }

  /** The request body, as the SDK sends a record pack's buffer. */
  public WireBytes body() {
    return body;
  }

  public long rows() {
    return rows;
  }

  /** The size before compression; {@code body().size()} is the size sent. */
  public long encodedBytes() {
    return encodedBytes;
  }

  private static WireBytes compress(WireBytes plain, CompressOption option) {
    if (option == null || option.algorithm == CompressOption.CompressAlgorithm.ODPS_RAW) {
      return plain;
    }
    WireBytes compressed = new WireBytes(Math.max(64, plain.size() / 2));
    Deflater deflater = null;
    try {
      OutputStream out;
      switch (option.algorithm) {
        case ODPS_ZLIB:
          deflater = new Deflater();
          deflater.setLevel(option.level);
          deflater.setStrategy(option.strategy);
          out = new DeflaterOutputStream(compressed, deflater);
          break;
        case ODPS_SNAPPY:
          out = new SnappyFramedOutputStream(compressed);
          break;
        case ODPS_LZ4_FRAME:
          out = new LZ4FrameOutputStream(compressed);
          break;
        case ODPS_ZSTD:
          out = new ZstdOutputStream(compressed);
          break;
        default:
          throw new IllegalArgumentException("unknown compression " + option.algorithm);
      }
      out.write(plain.array(), 0, plain.size());
      out.close();
      return compressed;
    } catch (IOException e) {
      throw new UncheckedIOException("compressing a block in memory", e);
    } finally {
      if (deflater != null) {
        deflater.end();
      }
    }
  }
}
