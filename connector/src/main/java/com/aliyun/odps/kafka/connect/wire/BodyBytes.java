package com.aliyun.odps.kafka.connect.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request body as the compressor writes it, kept in chunks: it grows by adding a chunk, never by
 * copying what it holds into a larger array. A compressed body's size is not known until it is
 * written, and growing one array by doubling copied up to its whole size again (in a profile of a
 * TEXT run, a fifth of the block writers' CPU). It is a {@link ByteArrayOutputStream} because that
 * is what the SDK sends ({@link #writeTo}, {@link #size}); the superclass's own array stays empty.
 *
 * <p>Not thread-safe: written by one thread, then sent by one write at a time.
 */
public final class BodyBytes extends ByteArrayOutputStream {
  /** Chunks double from this... */
  private static final int FIRST_CHUNK = 8 * 1024;
  /** ...up to this, small enough not to be a humongous object in G1's smallest regions. */
  static final int MAX_CHUNK = 256 * 1024;

  private final List<byte[]> chunks = new ArrayList<>();
  /** Bytes used in the last chunk. */
  private int lastUsed;
  private long size;

  /** @param expected about how many bytes will be written: the first chunk is that big, up to {@link #MAX_CHUNK} */
  public BodyBytes(long expected) {
    super(0);
    chunks.add(new byte[(int) Math.max(FIRST_CHUNK, Math.min(MAX_CHUNK, expected))]);
  }

  @Override
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, size);
  }

  @Override
  public void write(int b) {
    byte[] last = room();
    last[lastUsed++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      byte[] last = room();
      int n = Math.min(length, last.length - lastUsed);
      System.arraycopy(bytes, offset, last, lastUsed, n);
      lastUsed += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    for (int c = 0; c < chunks.size(); c++) {
      out.write(chunks.get(c), 0, used(c));
    }
  }

  @Override
  public byte[] toByteArray() {
    byte[] all = new byte[size()];
    int at = 0;
    for (int c = 0; c < chunks.size(); c++) {
      System.arraycopy(chunks.get(c), 0, all, at, used(c));
      at += used(c);
    }
    return all;
  }

  /** The body to read back. */
  public InputStream inputStream() {
    List<InputStream> parts = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      parts.add(new ByteArrayInputStream(chunks.get(c), 0, used(c)));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a request body is written once");
  }

  @Override
  public String toString() {
    return "BodyBytes[" + size + " bytes in " + chunks.size() + " chunks]";
  }

  private int used(int chunk) {
    return chunk == chunks.size() - 1 ? lastUsed : chunks.get(chunk).length;
  }

  /** The last chunk, with room for at least one byte. */
  private byte[] room() {
    byte[] last = chunks.get(chunks.size() - 1);
    if (lastUsed < last.length) {
      return last;
    }
    byte[] next = new byte[Math.min(MAX_CHUNK, last.length * 2)];
    chunks.add(next);
    lastUsed = 0;
    return next;
  }
}
