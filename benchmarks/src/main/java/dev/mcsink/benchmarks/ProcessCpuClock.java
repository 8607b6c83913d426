package dev.mcsink.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process: client, embedded service and DuckDB's native worker threads alike,
 * so that CPU seconds over wall seconds says how many of the machine's cores a run kept busy.
 */
public final class ProcessCpuClock {
  private ProcessCpuClock() {
  }

  /** Process CPU nanoseconds, or -1 when the JVM does not expose them. */
  public static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
