package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;
import java.util.OptionalLong;

/** {@link FlushPolicy#batch()}. */
final class BatchFlushPolicy implements FlushPolicy {
  /** How long Connect's poll may wait for records while rows are buffered. */
  static final long IDLE_POLL_MS = 1_000;

  @Override
  public boolean isFull(RowBuffer buffer) {
    // record_batch_size is the smallest block of a write here, not a trigger.
    return false;
  }

  @Override
  public boolean isDue(RowBuffer buffer, Instant now) {
    return buffer.windowEndedAt(now);
  }

  /** The consumer has caught up: waiting longer for more rows would only delay these. */
  @Override
  public boolean writesAllWhenIdle() {
    return true;
  }

  /** A put without records within this time tells that the consumer has caught up, even between offset commits. */
  @Override
  public OptionalLong callAgainWithinMs(OpenBuffers buffers, Instant now) {
    return buffers.isEmpty() ? OptionalLong.empty() : OptionalLong.of(IDLE_POLL_MS);
  }
}
