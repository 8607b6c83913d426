package com.aliyun.odps.kafka.connect.wire;

import com.aliyun.odps.tunnel.io.CompressOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Rows kept as the Tunnel will carry them: each row encoded once, when it is buffered
 * ({@link RowEncoder}), its bytes appended to a few large arrays, with its end offset and checksum.
 * A buffered row then costs its encoded size and twelve bytes on the heap, in a handful of large
 * arrays the garbage collector does not copy, instead of an array of boxed values, strings and
 * their arrays per row. Any run of rows becomes a request body ({@link #block}) without a second
 * encoding. Not thread-safe: written by the task's thread, read by one write at a time.
 */
public final class EncodedRows {
  /** First chunk: small, so a buffer of a few rows holds little. */
  private static final int FIRST_CHUNK = 4 * 1024;
  /** Chunks double up to this ({@link ChunkSize}): a million rows are a few hundred chunks or fewer. */
  private static final int MAX_CHUNK = ChunkSize.largest();
  /** Per row: its end offset (long) and checksum (int). */
  static final int BYTES_PER_ROW = 12;

  private final RowEncoder encoder;
  private final WireBytes scratch = new WireBytes(256);
  private byte[][] chunks = new byte[4][];
  private int chunkCount;
  /** Start of the last chunk in the whole byte sequence. */
  private long lastChunkStart;
  private int lastChunkUsed;
  private long[] rowEnds = new long[64];
  private int[] checksums = new int[64];
  private int rows;

  public EncodedRows(RowEncoder encoder) {
    this.encoder = encoder;
  }

  /**
   * Encodes and keeps one row.
   *
   * @return the heap bytes it takes: its encoded size and {@link #BYTES_PER_ROW}
   */
  public int add(Object[] values) {
    scratch.reset();
    int checksum = encoder.encode(values, scratch);
    append(scratch.array(), 0, scratch.size());
    endRow(end(), checksum);
    return scratch.size() + BYTES_PER_ROW;
  }

  public int size() {
    return rows;
  }

  /** Encoded bytes of every row, before compression. */
  public long encodedBytes() {
    return end();
  }

  /** What the rows take on the heap, as {@link #add} counts it: encoded bytes and {@link #BYTES_PER_ROW} each. */
  public long heapBytes() {
    return end() + (long) rows * BYTES_PER_ROW;
  }

  /** Whether DATETIME values were encoded shifted for a session that transforms dates. */
  public boolean transformsDates() {
    return encoder.transformsDates();
  }

  /** The rows whose index is set in {@code keep}, in order, as a new set of rows (the encoding is copied, not redone). */
  public EncodedRows keep(BitSet keep) {
    EncodedRows kept = new EncodedRows(encoder);
    // Runs of consecutive kept rows are copied in one pass each.
    for (int first = keep.nextSetBit(0); first >= 0 && first < rows; first = keep.nextSetBit(first + 1)) {
      int last = Math.min(rows, keep.nextClearBit(first)) - 1;
      long shift = kept.end() - start(first);
      forEachSegment(start(first), rowEnds[last], kept::append);
      for (int i = first; i <= last; i++) {
        kept.endRow(rowEnds[i] + shift, checksums[i]);
      }
      first = last;
    }
    return kept;
  }

  /** Rows [{@code from}, {@code to}) as one request body: the rows, the trailer, compressed as {@code option} says. */
  public RecordBlock block(int from, int to, CompressOption option) {
    if (from < 0 || to > rows || from > to) {
      throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + rows);
    }
    RecordBlock.Builder block = RecordBlock.builder(option, start(to) - start(from));
    forEachSegment(start(from), start(to), block::rows);
    for (int i = from; i < to; i++) {
      block.checksum(checksums[i]);
    }
    return block.build(to - from);
  }

  /** Where row {@code row} starts: the end of the row before it (for {@code row == rows}, the end of all). */
  private long start(int row) {
    return row == 0 ? 0 : rowEnds[row - 1];
  }

  private long end() {
    return lastChunkStart + lastChunkUsed;
  }

  /** Byte ranges of [start, end) as (array, offset, length) segments of the chunks. */
  private void forEachSegment(long start, long end, Segment segment) {
    long chunkStart = 0;
    for (int c = 0; c < chunkCount && chunkStart < end; c++) {
      byte[] chunk = chunks[c];
      int used = c == chunkCount - 1 ? lastChunkUsed : chunk.length;
      long chunkEnd = chunkStart + used;
      if (chunkEnd > start) {
        int from = (int) Math.max(0, start - chunkStart);
        int to = (int) Math.min(used, end - chunkStart);
        segment.accept(chunk, from, to - from);
      }
      chunkStart = chunkEnd;
    }
  }

  /** Records a row that ends at {@code rowEnd} (its bytes appended already) with its checksum. */
  private void endRow(long rowEnd, int checksum) {
    if (rows == rowEnds.length) {
      rowEnds = Arrays.copyOf(rowEnds, rows * 2);
      checksums = Arrays.copyOf(checksums, rows * 2);
    }
    rowEnds[rows] = rowEnd;
    checksums[rows] = checksum;
    rows++;
  }

  private void append(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (chunkCount == 0 || lastChunkUsed == chunks[chunkCount - 1].length) {
        newChunk();
      }
      byte[] chunk = chunks[chunkCount - 1];
      int n = Math.min(length, chunk.length - lastChunkUsed);
      System.arraycopy(bytes, offset, chunk, lastChunkUsed, n);
      lastChunkUsed += n;
      offset += n;
      length -= n;
    }
  }

  private void newChunk() {
    int size = chunkCount == 0 ? FIRST_CHUNK : Math.min(MAX_CHUNK, chunks[chunkCount - 1].length * 2);
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
    }
    if (chunkCount > 0) {
      lastChunkStart += chunks[chunkCount - 1].length;
    }
    chunks[chunkCount++] = new byte[size];
    lastChunkUsed = 0;
  }

  @FunctionalInterface
  private interface Segment {
    void accept(byte[] bytes, int offset, int length);
  }
}
