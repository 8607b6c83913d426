package dev.mcsink.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time a worker's just-in-time compiler threads ("C1 CompilerThre…", "C2 CompilerThre…")
 * spend over a span, from /proc/PID/task/TID/stat. A freshly started worker compiles for a minute or
 * more, a one-off cost whose share of a short span depends on how soon the code got hot, not on what
 * a record costs; shown apart so that the steady cost per record can be compared.
 *
 * <p>The JVM starts and stops compiler threads as its queue grows and shrinks, and a thread's time
 * goes with it: each thread's latest figure is kept from sample to sample, so a thread that ends
 * between two samples loses at most what it spent since the last one.
 */
final class CompilerThreadsCpu {
  /** USER_HZ, the unit of utime and stime: 100 on every Linux the JVM runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final Path tasks;
  private final Map<String, Long> atStart = new HashMap<>();
  private final Map<String, Long> latest = new HashMap<>();

  CompilerThreadsCpu(long pid) {
    this.tasks = Path.of("/proc", Long.toString(pid), "task");
    read(atStart);
    latest.putAll(atStart);
  }

  /** Takes the threads' current figures. */
  void sample() {
    read(latest);
  }

  /** CPU time of the compiler threads since construction, as of the latest sample; 0 without /proc. */
  long nanos() {
    long ticks = 0;
    for (Map.Entry<String, Long> thread : latest.entrySet()) {
      ticks += thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
    }
    return ticks * NANOS_PER_TICK;
  }

  private void read(Map<String, Long> into) {
    if (!Files.isDirectory(tasks)) {
      return;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        long ticks = compilerTicks(thread.resolve("stat"));
        if (ticks >= 0) {
          into.put(thread.getFileName().toString(), ticks);
        }
      }
    } catch (IOException e) {
      // the worker ended: keep the figures read so far
    }
  }

  /** utime + stime of a compiler thread, or -1 for any other thread (or one that is gone). */
  static long compilerTicks(Path stat) {
    String line;
    try {
      line = Files.readString(stat);
    } catch (IOException e) {
      return -1;
    }
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      return -1;
    }
    String name = line.substring(open + 1, close);
    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
      return -1;
    }
    // after the name: state, then fields 4.. of proc(5); utime and stime are fields 14 and 15
    String[] fields = line.substring(close + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
