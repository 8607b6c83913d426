package dev.mcsink.localmc.codec;

import java.io.IOException;
import java.io.OutputStream;

/** Buffered writer of protobuf wire primitives, counting the bytes it hands to the stream. */
final class WireOutput {
  private static final int BUFFER_SIZE = 16 * 1024;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int pos;
  private long flushed;

  WireOutput(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far, including those still buffered. */
  long bytesWritten() {
    return flushed + pos;
  }

  private void ensure(int room) throws IOException {
    if (BUFFER_SIZE - pos < room) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buffer, 0, pos);
      flushed += pos;
      pos = 0;
    }
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }

  void writeTag(int fieldNumber, int wireType) throws IOException {
    writeVarint32(TunnelWire.tag(fieldNumber, wireType));
  }

  /** An unsigned 32-bit varint (protobuf writeUInt32NoTag): at most 5 bytes. */
  void writeVarint32(int value) throws IOException {
    writeVarint64(value & 0xFFFFFFFFL);
  }

  void writeVarint64(long value) throws IOException {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[pos++] = (byte) value;
  }

  void writeSInt64(long value) throws IOException {
    writeVarint64((value << 1) ^ (value >> 63));
  }

  void writeSInt32(int value) throws IOException {
    writeVarint32((value << 1) ^ (value >> 31));
  }

  void writeBool(boolean value) throws IOException {
    ensure(1);
    buffer[pos++] = (byte) (value ? 1 : 0);
  }

  void writeFixed64(long value) throws IOException {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[pos++] = (byte) (value >>> (8 * i));
    }
  }

  void writeFixed32(int value) throws IOException {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[pos++] = (byte) (value >>> (8 * i));
    }
  }

  /** A varint length followed by the bytes. */
  void writeLengthDelimited(byte[] bytes) throws IOException {
    writeVarint32(bytes.length);
    if (bytes.length > BUFFER_SIZE - pos) {
      drain();
      if (bytes.length > BUFFER_SIZE) {
        out.write(bytes);
        flushed += bytes.length;
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, pos, bytes.length);
    pos += bytes.length;
  }
}
