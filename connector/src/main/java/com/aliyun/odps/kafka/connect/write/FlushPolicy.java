package com.aliyun.odps.kafka.connect.write;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * When open buffers are written, which differs between the two write paths; chosen once, with the
 * MaxCompute adapter it goes with ({@link SinkWiring}). Besides these, every buffer is written when
 * the task's memory cap asks for it, and on {@code preCommit} unless {@link #writesAllOnCommit()}
 * says otherwise.
 */
interface FlushPolicy {
  /** True when {@code buffer} is full: it is written at once. */
  boolean isFull(RowBuffer buffer);

  /** True when {@code buffer} is due at {@code now}: it is written before new records are taken. */
  boolean isDue(RowBuffer buffer, Instant now);

  /** True when every buffer is written as soon as a poll brings no records. */
  boolean writesAllWhenIdle();

  /** True when every buffer is written on {@code preCommit}; false: only those due. */
  default boolean writesAllOnCommit() {
    return true;
  }

  /**
   * How soon Connect should call put again, records or not ({@code SinkTaskContext.timeout} caps its
   * next poll), for what is buffered now to be written in time; empty when there is no hurry.
   */
  OptionalLong callAgainWithinMs(OpenBuffers buffers, Instant now);

  /**
   * Batch upload sessions: every session has a cost (and the service a quota of blocks per table),
   * so buffers fill until a window ends, the memory cap, an idle poll or an offset commit.
   */
  static FlushPolicy batch() {
    return new BatchFlushPolicy();
  }

  /**
   * Streaming Tunnel: a buffer is written (one record pack) at {@code recordBatchSize} rows, at
   * {@code packBytes} bytes on the wire when that is above 0, or when its oldest row has waited
   * {@code maxLatency}.
   */
  static FlushPolicy streaming(int recordBatchSize, long packBytes, Duration maxLatency) {
    return new StreamingFlushPolicy(recordBatchSize, packBytes, maxLatency);
  }

  /** Upsert sessions: a buffer is committed once its oldest change has waited {@code commitInterval}. */
  static FlushPolicy upsert(Duration commitInterval) {
    return new UpsertFlushPolicy(commitInterval);
  }
}
