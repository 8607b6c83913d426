package dev.mcsink.localmc.codec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Buffered reader of protobuf wire primitives (varints, zig-zag, little-endian fixed, raw bytes).
 * A body that ends in the middle of a value is a client error: it raises {@link RecordStreamException}.
 * I/O failures of the underlying stream pass through as {@link IOException}.
 */
final class WireInput {
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int MAX_VARINT_BYTES = 10;
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** The top bit of each of 8 bytes: set in some byte of a word that is not all ASCII. */
  private static final long NON_ASCII_BITS = 0x8080808080808080L;

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

  private int readByte(String what, String part) throws IOException {
    if (pos == limit && !fill()) {
      throw truncated(describe(what, part));
    }
    return buffer[pos++] & 0xFF;
  }

  /**
   * "STRING length" from "STRING" and "length": callers name what they read in two parts, joined
   * only when a failure is reported, so that reading a value builds no string.
   */
  private static String describe(String what, String part) {
    return part == null ? what : what + " " + part;
  }

  /**
   * Makes at least {@code n} bytes (at most the buffer's size) available from {@code pos}, unless the
   * body ends first: the unread bytes move to the start and the buffer is topped up. The body arrives
   * in chunks of the HTTP layer's size, often small, and values straddling chunks would otherwise all
   * take the byte-by-byte path.
   */
  private void topUp(int n) throws IOException {
    if (sourceExhausted) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    while (limit < n) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        sourceExhausted = true;
        return;
      }
      limit += read;
    }
  }

  /** True when the next {@code n} bytes are in the buffer, after topping it up if needed. */
  private boolean buffered(int n) throws IOException {
    if (limit - pos < n) {
      topUp(n);
    }
    return limit - pos >= n;
  }

  static RecordStreamException truncated(String what) {
    return new RecordStreamException("body is truncated: it ends inside " + what);
  }

  /** A varint of up to 10 bytes, as protobuf's readRawVarint64. */
  long readVarint64(String what) throws IOException {
    return readVarint64(what, null);
  }

  private long readVarint64(String what, String part) throws IOException {
    if (!buffered(MAX_VARINT_BYTES)) {
      return readVarint64ByteByByte(what, part);
    }
    // Nearly every varint lies wholly in the buffer: read it without a bounds check per byte.
    int p = pos;
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = buffer[p++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        pos = p;
        return result;
      }
    }
    throw new RecordStreamException("malformed varint in " + describe(what, part) + " (more than 10 bytes)");
  }

  private long readVarint64ByteByByte(String what, String part) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte(what, part);
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new RecordStreamException("malformed varint in " + describe(what, part) + " (more than 10 bytes)");
  }

  /**
   * A 32-bit varint as protobuf's readRawVarint32: the low 32 bits of a varint of up to 10 bytes
   * (negative int32 values are written sign-extended to 10 bytes).
   */
  int readVarint32(String what) throws IOException {
    return (int) readVarint64(what, null);
  }

  /** {@link #readVarint32(String)} of the {@code part} of {@code what} ("length" of a "STRING"). */
  int readVarint32(String what, String part) throws IOException {
    return (int) readVarint64(what, part);
  }

  long readSInt64(String what) throws IOException {
    return readSInt64(what, null);
  }

  long readSInt64(String what, String part) throws IOException {
    long n = readVarint64(what, part);
    return (n >>> 1) ^ -(n & 1);
  }

  int readSInt32(String what, String part) throws IOException {
    int n = (int) readVarint64(what, part);
    return (n >>> 1) ^ -(n & 1);
  }

  long readFixed64(String what) throws IOException {
    if (buffered(Long.BYTES)) {
      long result = (long) LITTLE_ENDIAN_LONG.get(buffer, pos);
      pos += Long.BYTES;
      return result;
    }
    long result = 0;
    for (int i = 0; i < 8; i++) {
      result |= (long) readByte(what, null) << (8 * i);
    }
    return result;
  }

  int readFixed32(String what) throws IOException {
    if (buffered(Integer.BYTES)) {
      int result = (int) LITTLE_ENDIAN_INT.get(buffer, pos);
      pos += Integer.BYTES;
      return result;
    }
    int result = 0;
    for (int i = 0; i < 4; i++) {
      result |= readByte(what, null) << (8 * i);
    }
    return result;
  }

  /**
   * The next {@code length} bytes as a string, fed into {@code crc}, when they fit in the buffer
   * and are all ASCII (then UTF-8 and Latin-1 agree and no decoding is needed); otherwise null, and
   * nothing is consumed. Text values are mostly short and ASCII: this spares them a byte array, a
   * char buffer and the strict UTF-8 decoder.
   */
  String readBufferedAscii(int length, RecordChecksum crc) throws IOException {
    if (length < 0 || length > buffer.length || !buffered(length)) {
      return null;
    }
    int end = pos + length;
    int i = pos;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      if (((long) LITTLE_ENDIAN_LONG.get(buffer, i) & NON_ASCII_BITS) != 0) {
        return null;
      }
    }
    for (; i < end; i++) {
      if (buffer[i] < 0) {
        return null;
      }
    }
    crc.updateBytes(buffer, pos, length);
    String text = new String(buffer, pos, length, StandardCharsets.ISO_8859_1);
    pos = end;
    return text;
  }

  /**
   * {@code length} raw bytes. The array grows as bytes arrive, so a forged huge length on a short
   * body fails as truncated instead of allocating the claimed size up front.
   */
  byte[] readBytes(int length, String what) throws IOException {
    return readBytes(length, what, null);
  }

  /** {@link #readBytes(int, String)} of the {@code part} of {@code what} ("value" of a "BINARY"). */
  byte[] readBytes(int length, String what, String part) throws IOException {
    byte[] out = new byte[Math.min(length, BUFFER_SIZE)];
    int filled = 0;
    while (filled < length) {
      if (pos == limit && !fill()) {
        throw truncated(describe(what, part));
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
