package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.wire.RecordBlock;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.tunnel.io.ProtobufRecordPack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A block encoded by the connector ({@link RecordBlock}), handed to the SDK as the record pack it
 * sends: the SDK still makes the request (endpoint, signature, headers, retries) and reads the
 * answer; it takes the body from {@link #getProtobufStream()} as it does from its own packs.
 */
final class EncodedPack extends ProtobufRecordPack {
  /** The pack the superclass builds is never written to: the smallest one, uncompressed. */
  private static final CompressOption UNUSED = new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);

  private final RecordBlock block;
  private final CompressOption compression;
  private final boolean transformDates;

  EncodedPack(TableSchema schema, RecordBlock block, CompressOption compression, boolean transformDates)
      throws IOException {
    super(schema, null, UNUSED);
    this.block = block;
    this.compression = compression;
    this.transformDates = transformDates;
  }

  @Override
  public ByteArrayOutputStream getProtobufStream() {
    return block.body();
  }

  /** Encoded already. */
  @Override
  public void complete() {
  }

  /** The session's date transform must be the one the rows were encoded with, as the SDK checks for its packs. */
  @Override
  public void checkTransConsistency(boolean expect) throws IOException {
    if (expect != transformDates) {
      throw new IOException("rows encoded with date transform " + transformDates + " for a session that has "
          + expect);
    }
  }

  @Override
  public CompressOption getCompressOption() {
    return compression;
  }

  @Override
  public long getTotalBytes() {
    return block.body().size();
  }

  @Override
  public long getSize() {
    return block.rows();
  }
}
