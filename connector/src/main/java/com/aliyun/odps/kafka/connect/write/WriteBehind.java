package com.aliyun.odps.kafka.connect.write;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Runs the task's writes to MaxCompute one after the other on a background thread, so that the task
 * thread goes on polling and converting records while a write is on the wire and being committed
 * (with the synchronous write the two took turns, and each waited for the other). Finished writes are
 * handed back to the task thread, which alone touches the writer's state.
 *
 * <p>Without an executor every write runs inline, in {@link #submit}: the writer then behaves
 * synchronously, which is what its unit tests rely on.
 */
final class WriteBehind implements AutoCloseable {
  private static final long CLOSE_WAIT_SECONDS = 30;

  /** A write that has ended: {@code failure} is null when its rows are committed. */
  static final class Finished {
    final PartitionBuffer buffer;
    final RuntimeException failure;

    Finished(PartitionBuffer buffer, RuntimeException failure) {
      this.buffer = buffer;
      this.failure = failure;
    }
  }

  private final MaxComputeTable table;
  private final ExecutorService executor;
  private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  /** Submitted and not yet handed back. */
  private int pending;

  /** @param executor a single thread; null to write inline */
  WriteBehind(MaxComputeTable table, ExecutorService executor) {
    this.table = table;
    this.executor = executor;
  }

  void submit(PartitionBuffer buffer) {
    pending++;
    if (executor == null) {
      finished.add(write(buffer));
    } else {
      executor.execute(() -> finished.add(write(buffer)));
    }
  }

  /** Submitted writes not handed back yet (running, queued or finished). */
  int pending() {
    return pending;
  }

  /** A finished write, or null when none has finished since the last call. */
  Finished poll() {
    Finished f = finished.poll();
    if (f != null) {
      pending--;
    }
    return f;
  }

  /** Waits for the next write to finish; call only when {@link #pending()} is positive. */
  Finished take() throws InterruptedException {
    Finished f = finished.take();
    pending--;
    return f;
  }

  private Finished write(PartitionBuffer buffer) {
    try {
      table.write(buffer.partition(), buffer.rows());
      return new Finished(buffer, null);
    } catch (RuntimeException e) {
      return new Finished(buffer, e);
    } catch (Error e) {
      // Handed back as a failure, else the task thread would wait for this write forever.
      return new Finished(buffer, new ConnectException("Write failed: " + e, e));
    }
  }

  /** Lets a running write end (it may commit; its offsets are not committed, so its rows come again). */
  @Override
  public void close() {
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
}
