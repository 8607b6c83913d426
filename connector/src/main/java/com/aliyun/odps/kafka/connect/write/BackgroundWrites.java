package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffers handed over to be written, from hand-over until MaxCompute has committed them: the
 * writes under way, the ones that failed transiently and wait out their backoff, and the failure
 * that stops the task. Writes run one after the other on a background thread, so the task thread
 * goes on polling and converting while a write is on the wire; they end back on the task thread
 * ({@link #settleFinished}, {@link #awaitOne}), which alone touches this state.
 *
 * <p>Without an executor every write runs inline, in {@link #handOver}: the writer then behaves
 * synchronously, which is what its unit tests rely on.
 */
final class BackgroundWrites implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundWrites.class);
  static final long INITIAL_BACKOFF_MS = 1_000;
  static final long MAX_BACKOFF_MS = 30_000;
  /** Consecutive transient failures from which each one is logged as a warning, not as info. */
  static final int WARN_AFTER_FAILURES = 3;
  private static final long CLOSE_WAIT_SECONDS = 30;

  /** A write that has ended, {@code latencyMs} after it started: {@code failure} is null when its rows are committed. */
  private static final class Finished {
    final RowBuffer buffer;
    final RuntimeException failure;
    final long latencyMs;

    Finished(RowBuffer buffer, RuntimeException failure, long startedNanos) {
      this.buffer = buffer;
      this.failure = failure;
      this.latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
  }

  private final ExecutorService executor;
  private final Clock clock;
  /** Told the ticket of each buffer MaxCompute has committed. */
  private final LongConsumer committed;
  private final WriteMetrics metrics;
  private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  /** Buffers whose write failed transiently, waiting to be written again. */
  private final List<RowBuffer> failed = new ArrayList<>();
  private final RetryBackoff backoff = new RetryBackoff(INITIAL_BACKOFF_MS, MAX_BACKOFF_MS);
  /** Handed over and not yet settled (running, queued or finished). */
  private int pending;
  /** Estimated bytes of every buffer handed over and not yet committed. */
  private long bytes;
  /** Where the last transient failure happened, for messages. */
  private String lastTransientWhere = "MaxCompute";
  private TransientWriteException lastTransient;
  /** Failed writes are not tried again before this: a write that failed in the background is found
   *  at the start of a put, and trying it again at once would hammer a service that is refusing. */
  private Instant retryDueAt = Instant.MIN;
  /** A write that retrying won't fix: the task must stop. */
  private ConnectException fatal;

  /** @param executor a single thread; null to write inline */
  BackgroundWrites(ExecutorService executor, Clock clock, LongConsumer committed, WriteMetrics metrics) {
    this.executor = executor;
    this.clock = clock;
    this.committed = committed;
    this.metrics = metrics;
  }

  /** Hands a buffer over to be written; its rows count in {@link #bytes()} until it is committed. */
  void handOver(RowBuffer buffer) {
    if (buffer.isEmpty()) {
      return;
    }
    bytes += buffer.estimatedBytes();
    start(buffer);
  }

  /**
   * Writes again, all together, the buffers that failed transiently, once their backoff has passed;
   * false while they must still wait.
   */
  boolean retryIfDue() {
    if (failed.isEmpty()) {
      return true;
    }
    if (clock.instant().isBefore(retryDueAt)) {
      return false;
    }
    List<RowBuffer> again = new ArrayList<>(failed);
    failed.clear();
    metrics.retried(again.size());
    again.forEach(this::start);
    return true;
  }

  /** Estimated bytes handed over and not yet committed: under way or waiting for a retry. */
  long bytes() {
    return bytes;
  }

  /** True while no write waits for a retry and none failed for good: more rows may be taken. */
  boolean healthy() {
    return fatal == null && failed.isEmpty();
  }

  /** The failure that stops the task, or null. */
  ConnectException fatal() {
    return fatal;
  }

  /** The last transient failure; null when there was none. */
  TransientWriteException lastTransient() {
    return lastTransient;
  }

  /** How long until failed writes may be tried again. */
  Duration untilRetry() {
    return Duration.between(clock.instant(), retryDueAt);
  }

  /** Settles the writes that have ended, without waiting; {@link #healthy()} after. */
  boolean settleFinished() {
    for (Finished f = poll(); f != null; f = poll()) {
      settle(f);
    }
    return healthy();
  }

  /** Writes handed over and not settled yet. */
  int pending() {
    return pending;
  }

  /** Waits for every write handed over so far to end. */
  void awaitAll() {
    while (pending > 0) {
      if (!awaitOne() && Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Revoked Kafka partitions: their rows leave the buffers waiting for a retry (call after {@link #awaitAll}). */
  void dropRowsOf(Collection<TopicPartition> revoked) {
    bytes -= OpenBuffers.dropRowsOf(revoked, failed);
  }

  /** Lets a running write end (it may commit; its offsets are not committed, so its rows come again). */
  @Override
  public void close() {
    failed.clear();
    bytes = 0;
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void start(RowBuffer buffer) {
    pending++;
    if (executor == null) {
      finished.add(write(buffer));
    } else {
      executor.execute(() -> finished.add(write(buffer)));
    }
  }

  /** Runs on the write thread. */
  private Finished write(RowBuffer buffer) {
    long started = System.nanoTime();
    try {
      buffer.table().write(buffer.tablePartition(), buffer.batch());
      buffer.releaseRows();
      return new Finished(buffer, null, started);
    } catch (RuntimeException e) {
      return new Finished(buffer, e, started);
    } catch (Error e) {
      // Handed back as a failure, else the task thread would wait for this write forever.
      return new Finished(buffer, new ConnectException("Write failed: " + e, e), started);
    }
  }

  private Finished poll() {
    Finished f = finished.poll();
    if (f != null) {
      pending--;
    }
    return f;
  }

  /** True while rows of {@code table} wait for a retry. */
  boolean holdsFailedRowsOf(MaxComputeTable table) {
    return failed.stream().anyMatch(buffer -> buffer.table() == table);
  }

  /** "table p.t partition pt='v'" of the last transient failure. */
  String lastTransientWhere() {
    return lastTransientWhere;
  }

  /** Waits for the next write to end and settles it; false if it failed, or the wait was interrupted. */
  boolean awaitOne() {
    Finished f;
    try {
      f = finished.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    pending--;
    return settle(f);
  }

  /** Books an ended write: committed, kept for a retry after a transient failure, or fatal. */
  private boolean settle(Finished f) {
    RowBuffer buffer = f.buffer;
    String what = buffer.size() + " rows to " + buffer.where();
    if (f.failure == null) {
      bytes -= buffer.estimatedBytes();
      committed.accept(buffer.ticket());
      metrics.written(buffer.table().name(), buffer.size(), f.latencyMs);
      backoff.onSuccess();
      log.debug("Wrote {}", what);
      return true;
    }
    if (f.failure instanceof TransientWriteException) {
      metrics.failedTransiently();
      lastTransient = (TransientWriteException) f.failure;
      lastTransientWhere = buffer.where();
      retryDueAt = clock.instant().plusMillis(backoff.onFailure());
      failed.add(buffer);
      String message = "Writing " + what + " failed (" + backoff.consecutiveFailures()
          + " consecutive transient failures); rows kept, retrying: " + f.failure.getMessage();
      if (backoff.consecutiveFailures() >= WARN_AFTER_FAILURES) {
        log.warn(message);
      } else {
        log.info(message);
      }
      return false;
    }
    metrics.failedFatally();
    if (fatal == null) {
      fatal = new ConnectException("Writing " + what + " failed: " + f.failure.getMessage(), f.failure);
    }
    return false;
  }
}
