package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.benchmarks.ProcessCpuClock;
import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clock of one drain: creates the connector, then reads its progress every {@value
 * #SAMPLE_MILLIS} ms until the whole data set is through, with the worker's CPU and heap alongside;
 * at the end forces a full collection in the worker for its live set. Fails when a task fails or at
 * the timeout.
 */
final class DrainWatch {
  static final long SAMPLE_MILLIS = 100;
  /** Heap and CPU over JMX are read every this many samples. */
  private static final int PROBE_EVERY = 5;
  private static final Duration STATUS_EVERY = Duration.ofSeconds(2);

  /** How many of the data set's records are through so far (rows committed, offsets committed). */
  @FunctionalInterface
  interface Progress {
    long done() throws Exception;
  }

  private DrainWatch() {
  }

  /**
   * @param probe null for an unmeasured drain (warm-up): only waits, and returns no figures
   * @param label how errors name the connector
   */
  static WorkerSpan run(ConnectWorker connect, WorkerProbe probe, String label, String name, Map<String, String> config,
      long target, Progress progress, Duration timeout) throws Exception {
    long cpuBefore = probe == null ? 0 : probe.cpuNanos();
    long serviceCpuBefore = ProcessCpuClock.nanos();
    long collectionsBefore = probe == null ? 0 : probe.collections();
    CompilerThreadsCpu compiler = probe == null ? null : new CompilerThreadsCpu(connect.pid());
    long peakHeap = 0;
    long peakLive = 0;
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    connect.createConnector(name, config);
    long deadline = start + timeout.toNanos();
    long nextStatus = start + STATUS_EVERY.toNanos();
    long done = 0;
    long now = start;
    for (int i = 0; done < target; i++) {
      Thread.sleep(SAMPLE_MILLIS); // the sampling period
      now = System.nanoTime();
      done = progress.done();
      samples.add(new Sample((now - start) / 1e9, done));
      if (probe != null && (i % PROBE_EVERY == 0 || done >= target)) {
        peakHeap = Math.max(peakHeap, probe.heapUsedBytes());
        peakLive = Math.max(peakLive, probe.liveHeapBytes());
        compiler.sample();
      }
      if (now > nextStatus) {
        String failure = connect.failure(name);
        if (failure != null) {
          throw new IllegalStateException(label + " failed after " + done + " records: " + failure);
        }
        nextStatus = now + STATUS_EVERY.toNanos();
      }
      if (now > deadline) {
        throw new IllegalStateException(label + ": " + done + " of " + target + " records after " + timeout
            + "; worker log: " + connect.log());
      }
    }
    long nanos = now - start;
    if (probe == null) {
      return new WorkerSpan(nanos, 0, 0, 0, 0, 0, 0, 0, 0, samples);
    }
    long cpu = probe.cpuNanos() - cpuBefore;
    compiler.sample();
    long serviceCpu = ProcessCpuClock.nanos() - serviceCpuBefore;
    long collections = probe.collections() - collectionsBefore;
    // After the CPU is read, so that the forced collection is not counted in the span.
    long heapAfterGc = probe.heapAfterFullGcBytes();
    return new WorkerSpan(nanos, cpu, compiler.nanos(), serviceCpu, peakHeap, peakLive, heapAfterGc, probe.peakRssBytes(), collections,
        samples);
  }
}
