package dev.mcsink.localmc.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Builds record streams byte by byte, independently of the code under test, so that a test can put
 * exactly one defect in an otherwise valid body (the CRCs are computed over what is written).
 */
final class HandMadeStream {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CRC32C recordCrc = new CRC32C();
  private final CRC32C streamCrc = new CRC32C();
  private long records;

  HandMadeStream tag(int field, int wireType) {
    varint(((long) field << 3 | wireType) & 0xFFFFFFFFL);
    crcInt(recordCrc, field);
    return this;
  }

  /** A BIGINT-like field: tag, zig-zag varint, 8-byte CRC. */
  HandMadeStream longField(int field, long value) {
    tag(field, 0);
    varint((value << 1) ^ (value >> 63));
    crcLong(recordCrc, value);
    return this;
  }

  /** A length-delimited field of raw bytes. */
  HandMadeStream bytesField(int field, byte[] value) {
    tag(field, 2);
    return payload(value);
  }

  HandMadeStream textField(int field, String value) {
    return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Varint length and bytes, fed into the record CRC (also used inside nested values). */
  HandMadeStream payload(byte[] value) {
    varint(value.length);
    bytes.writeBytes(value);
    recordCrc.update(value);
    return this;
  }

  /** A raw varint, not fed into the CRC (counts and null flags of nested values). */
  HandMadeStream varint(long v) {
    while ((v & ~0x7FL) != 0) {
      bytes.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    bytes.write((int) v);
    return this;
  }

  HandMadeStream endRecord() {
    int crc = (int) recordCrc.getValue();
    varint(((long) 33553408 << 3) & 0xFFFFFFFFL);
    varint(crc & 0xFFFFFFFFL);
    crcInt(streamCrc, crc);
    recordCrc.reset();
    records++;
    return this;
  }

  HandMadeStream trailer() {
    return trailer(records);
  }

  HandMadeStream trailer(long count) {
    varint(((long) 33554430 << 3) & 0xFFFFFFFFL);
    varint((count << 1) ^ (count >> 63));
    varint(((long) 33554431 << 3) & 0xFFFFFFFFL);
    varint(streamCrc.getValue());
    return this;
  }

  HandMadeStream raw(int... b) {
    for (int x : b) {
      bytes.write(x);
    }
    return this;
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private static void crcInt(CRC32C crc, int v) {
    crc.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }

  private static void crcLong(CRC32C crc, long v) {
    crc.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
  }
}
