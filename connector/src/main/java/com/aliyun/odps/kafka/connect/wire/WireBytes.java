package com.aliyun.odps.kafka.connect.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array with protobuf's primitive encodings (varints, zigzag, little-endian fixed
 * widths), as the SDK's protobuf 2 {@code CodedOutputStream} writes them. It is a
 * {@link ByteArrayOutputStream} so that the SDK can send it as it is, without a copy.
 *
 * <p>Not thread-safe: one owner at a time (the task's thread while rows are encoded, then the one
 * write that sends it). The stream methods used per row are not {@code synchronized} here, as they
 * are in {@link ByteArrayOutputStream}: a lock taken several times per row, for nothing.
 */
public final class WireBytes extends ByteArrayOutputStream {
  public WireBytes(int capacity) {
    super(capacity);
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public void reset() {
    count = 0;
  }

  @Override
  public void write(int b) {
    byteValue(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    bytes(bytes, offset, length);
  }

  /** The bytes written so far: the first {@link #size()} of them count. */
  public byte[] array() {
    return buf;
  }

  void byteValue(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  /** An unsigned 32-bit varint: a negative int takes five bytes, as protobuf's writeRawVarint32. */
  void varint32(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buf[count++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[count++] = (byte) value;
  }

  void varint64(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[count++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[count++] = (byte) value;
  }

  void sint32(int value) {
    varint32((value << 1) ^ (value >> 31));
  }

  void sint64(long value) {
    varint64((value << 1) ^ (value >> 63));
  }

  /** An int32 field's value: negative numbers as ten-byte varints, as protobuf does. */
  void int32(int value) {
    if (value >= 0) {
      varint32(value);
    } else {
      varint64(value);
    }
  }

  void tag(int field, int wireType) {
    varint32((field << 3) | wireType);
  }

  void fixed32(int value) {
    ensure(4);
    buf[count++] = (byte) value;
    buf[count++] = (byte) (value >>> 8);
    buf[count++] = (byte) (value >>> 16);
    buf[count++] = (byte) (value >>> 24);
  }

  void fixed64(long value) {
    fixed32((int) value);
    fixed32((int) (value >>> 32));
  }

  /** A length-delimited value: its length as a varint, then the bytes. */
  void lengthDelimited(byte[] bytes, int offset, int length) {
    varint32(length);
    bytes(bytes, offset, length);
  }

  void bytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, count, length);
    count += length;
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }
}
