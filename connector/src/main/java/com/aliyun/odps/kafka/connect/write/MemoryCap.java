package com.aliyun.odps.kafka.connect.write;

/**
 * {@code buffer_size_kb}: the cap on the rows a task holds, open buffers and rows being written
 * together (estimated wire size, {@link RowSize}), whatever the number of Kafka partitions (they
 * share the buffers) or of open table partitions.
 *
 * <p>When the open buffers reach half the cap the largest are handed over until at most a quarter is
 * left open (not just under half: else every next row would start a tiny write); with the usual
 * single open partition that is the whole buffer, so one write runs while the next buffer fills.
 * The task waits for writes to end only while everything it holds is at the cap.
 */
final class MemoryCap {
  private final long limitBytes;
  private long peakBytes;

  MemoryCap(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /**
   * Hands buffers over and waits for writes as described above. False when something must not be
   * taken now: a write failed (transiently or for good), or the task is still at the cap.
   */
  boolean relieve(OpenBuffers buffers, BackgroundWrites writes) {
    if (buffers.bytes() >= limitBytes / 2) {
      buffers.takeLargestDownTo(limitBytes / 4).forEach(writes::handOver);
    }
    while (held(buffers, writes) >= limitBytes && writes.pending() > 0 && writes.healthy()) {
      if (!writes.awaitOne()) {
        return false;
      }
    }
    return writes.settleFinished() && held(buffers, writes) < limitBytes;
  }

  /** Notes what the task holds after rows were added. */
  void observe(OpenBuffers buffers, BackgroundWrites writes) {
    peakBytes = Math.max(peakBytes, held(buffers, writes));
  }

  long limitBytes() {
    return limitBytes;
  }

  /** The most the task has held since it started. */
  long peakBytes() {
    return peakBytes;
  }

  static long held(OpenBuffers buffers, BackgroundWrites writes) {
    return buffers.bytes() + writes.bytes();
  }
}
