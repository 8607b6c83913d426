package com.aliyun.odps.kafka.connect.write;

/**
 * Bounded exponential backoff between attempts after transient write failures: 1 s, 2 s, 4 s ...
 * up to a ceiling, reset by a success. Only computes delays; Connect waits them
 * ({@code SinkTaskContext.timeout}), so nothing sleeps in the task.
 */
final class RetryBackoff {
  private final long initialMs;
  private final long maxMs;
  private int failures;

  RetryBackoff(long initialMs, long maxMs) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
  }

  /** Counts a failure; returns how long to wait before the next attempt. */
  long onFailure() {
    failures++;
    int shift = Math.min(failures - 1, 30);
    long delay = initialMs << shift;
    return delay <= 0 || delay > maxMs ? maxMs : delay;
  }

  void onSuccess() {
    failures = 0;
  }

  /** Transient failures since the last success. */
  int consecutiveFailures() {
    return failures;
  }
}
