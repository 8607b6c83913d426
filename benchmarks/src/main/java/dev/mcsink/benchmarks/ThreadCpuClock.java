package dev.mcsink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread. The client's threads (the caller and the batch writers) are timed
 * with it, so that the rest of the process's CPU time can be charged to the embedded service
 * (request handling, DuckDB's native threads, and the JVM's own work for both).
 */
final class ThreadCpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpuClock() {
  }

  /** CPU nanoseconds of the calling thread, or -1 when the JVM does not measure them. */
  static long nanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }
}
