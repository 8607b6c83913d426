package com.aliyun.odps.kafka.connect.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.threeten.extra.MutableClock;

/** Keeps scheduled refreshes until the test runs them; due times follow a {@link MutableClock}. */
final class ManualScheduler implements RefreshScheduler {
  static final class Scheduled {
    final Runnable task;
    final Duration delay;
    final Instant due;

    Scheduled(Runnable task, Duration delay, Instant due) {
      this.task = task;
      this.delay = delay;
      this.due = due;
    }
  }

  private final MutableClock clock;
  private final List<Scheduled> pending = new ArrayList<>();
  private boolean closed;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void schedule(Runnable refresh, Duration delay) {
    if (!closed) {
      pending.add(new Scheduled(refresh, delay, clock.instant().plus(delay)));
    }
  }

  synchronized List<Scheduled> pending() {
    return new ArrayList<>(pending);
  }

  /** The only pending refresh, removed from the queue (fails if there is not exactly one). */
  synchronized Scheduled takeOnly() {
    if (pending.size() != 1) {
      throw new AssertionError("expected one scheduled refresh, found " + pending.size());
    }
    return pending.remove(0);
  }

  /** Moves the clock to the only pending refresh's due time and runs it on this thread. */
  void runNext() {
    Scheduled next = takeOnly();
    clock.setInstant(next.due);
    next.task.run();
  }

  @Override
  public synchronized void close() {
    closed = true;
    pending.clear();
  }
}
