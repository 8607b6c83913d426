package dev.mcsink.localmc.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Buffered reader of protobuf wire primitives (varints, zig-zag, little-endian fixed, raw bytes).
 * A body that ends in the middle of a value is a client error: it raises {@link RecordStreamException}.
 * I/O failures of the underlying stream pass through as {@link IOException}.
 */
final class WireInput {
  private static final int BUFFER_SIZE = 16 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int pos;
  private int limit;
  private boolean sourceExhausted;

  WireInput(InputStream in) {
    this.in = in;
  }

  /** True when no byte is left in the body. */
  boolean atEnd() throws IOException {
    return pos == limit && !fill();
  }

  /** Refills the buffer; false when the source has no more bytes. */
  private boolean fill() throws IOException {
    if (sourceExhausted) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      sourceExhausted = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private int readByte(String what) throws IOException {
    if (pos == limit && !fill()) {
      throw truncated(what);
    }
    return buffer[pos++] & 0xFF;
  }

  static RecordStreamException truncated(String what) {
    return new RecordStreamException("body is truncated: it ends inside " + what);
  }

  /** A varint of up to 10 bytes, as protobuf's readRawVarint64. */
  long readVarint64(String what) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte(what);
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new RecordStreamException("malformed varint in " + what + " (more than 10 bytes)");
  }

  /**
   * A 32-bit varint as protobuf's readRawVarint32: the low 32 bits of a varint of up to 10 bytes
   * (negative int32 values are written sign-extended to 10 bytes).
   */
  int readVarint32(String what) throws IOException {
    return (int) readVarint64(what);
  }

  long readSInt64(String what) throws IOException {
    long n = readVarint64(what);
    return (n >>> 1) ^ -(n & 1);
  }

  int readSInt32(String what) throws IOException {
    int n = readVarint32(what);
    return (n >>> 1) ^ -(n & 1);
  }

  long readFixed64(String what) throws IOException {
    long result = 0;
    for (int i = 0; i < 8; i++) {
      result |= (long) readByte(what) << (8 * i);
    }
    return result;
  }

  int readFixed32(String what) throws IOException {
    int result = 0;
    for (int i = 0; i < 4; i++) {
      result |= readByte(what) << (8 * i);
    }
    return result;
  }

  /**
   * {@code length} raw bytes. The array grows as bytes arrive, so a forged huge length on a short
   * body fails as truncated instead of allocating the claimed size up front.
   */
  byte[] readBytes(int length, String what) throws IOException {
    byte[] out = new byte[Math.min(length, BUFFER_SIZE)];
    int filled = 0;
    while (filled < length) {
      if (pos == limit && !fill()) {
        throw truncated(what);
      }
      int n = Math.min(limit - pos, length - filled);
      if (filled + n > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(length, Math.max((long) out.length * 2, filled + n)));
      }
      System.arraycopy(buffer, pos, out, filled, n);
      pos += n;
      filled += n;
    }
    return out;
  }
}
