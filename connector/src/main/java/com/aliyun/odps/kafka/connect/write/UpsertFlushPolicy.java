package com.aliyun.odps.kafka.connect.write;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * {@link FlushPolicy#upsert}: every upsert commit is a new set of files on the service, which asks
 * for minutes between them, so a buffer is written only once its oldest change has waited the
 * commit interval (or its partition window has ended, or the memory cap asks); offset commits
 * and idle polls do not write it.
 */
final class UpsertFlushPolicy implements FlushPolicy {
  private final Duration commitInterval;

  UpsertFlushPolicy(Duration commitInterval) {
    this.commitInterval = commitInterval;
  }

  @Override
  public boolean isFull(RowBuffer buffer) {
    return false;
  }

  @Override
  public boolean isDue(RowBuffer buffer, Instant now) {
    return buffer.windowEndedAt(now) || buffer.oldestHasWaited(commitInterval, now);
  }

  @Override
  public boolean writesAllWhenIdle() {
    return false;
  }

  @Override
  public boolean writesAllOnCommit() {
    return false;
  }

  /** Soon enough to commit the oldest buffer when its interval is up, even if no record comes. */
  @Override
  public OptionalLong callAgainWithinMs(OpenBuffers buffers, Instant now) {
    return buffers.msUntilOldestHasWaited(commitInterval, now);
  }
}
