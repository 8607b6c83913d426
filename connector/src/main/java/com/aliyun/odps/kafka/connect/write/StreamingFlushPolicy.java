package com.aliyun.odps.kafka.connect.write;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** {@link FlushPolicy#streaming}. */
final class StreamingFlushPolicy implements FlushPolicy {
  private final int recordBatchSize;
  /** 0: no byte bound. */
  private final long packBytes;
  private final Duration maxLatency;

  StreamingFlushPolicy(int recordBatchSize, long packBytes, Duration maxLatency) {
    this.recordBatchSize = Math.max(1, recordBatchSize);
    this.packBytes = packBytes;
    this.maxLatency = maxLatency;
  }

  @Override
  public boolean isFull(RowBuffer buffer) {
    return buffer.size() >= recordBatchSize || (packBytes > 0 && buffer.estimatedBytes() >= packBytes);
  }

  @Override
  public boolean isDue(RowBuffer buffer, Instant now) {
    return buffer.windowEndedAt(now) || buffer.oldestHasWaited(maxLatency, now);
  }

  @Override
  public boolean writesAllWhenIdle() {
    return false;
  }

  /**
   * Connect polls for up to its commit interval when no records come, so it is told to call put
   * again when the oldest buffered row is due: the latency bound then holds at low load too.
   */
  @Override
  public OptionalLong callAgainWithinMs(OpenBuffers buffers, Instant now) {
    return buffers.msUntilOldestHasWaited(maxLatency, now);
  }
}
