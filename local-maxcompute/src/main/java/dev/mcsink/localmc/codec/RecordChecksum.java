package dev.mcsink.localmc.codec;

import java.util.zip.CRC32C;

/**
 * The CRC32C the tunnel keeps per record and over the record CRCs. Numbers are fed as their
 * little-endian bytes (int 4, long 8, double/float as raw IEEE bits), booleans as one byte, text and
 * binary as the raw bytes, exactly as the SDK's {@code tunnel.io.Checksum} does.
 */
final class RecordChecksum {
  private final CRC32C crc = new CRC32C();
  private final byte[] scratch = new byte[8];

  void updateInt(int v) {
    for (int i = 0; i < 4; i++) {
      scratch[i] = (byte) (v >>> (8 * i));
    }
    crc.update(scratch, 0, 4);
  }

  void updateLong(long v) {
    for (int i = 0; i < 8; i++) {
      scratch[i] = (byte) (v >>> (8 * i));
    }
    crc.update(scratch, 0, 8);
  }

  void updateBoolean(boolean v) {
    crc.update(v ? 1 : 0);
  }

  void updateBytes(byte[] bytes) {
    crc.update(bytes, 0, bytes.length);
  }

  void updateBytes(byte[] bytes, int offset, int length) {
    crc.update(bytes, offset, length);
  }

  /** The CRC as the signed int the SDK compares and writes (as an unsigned varint). */
  int value() {
    return (int) crc.getValue();
  }

  void reset() {
    crc.reset();
  }
}
