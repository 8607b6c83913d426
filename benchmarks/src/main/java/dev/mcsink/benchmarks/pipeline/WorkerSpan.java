package dev.mcsink.benchmarks.pipeline;

import java.util.List;

/**
 * A worker's figures over one timed span: from creating a connector until the data set is through.
 *
 * @param nanos wall time of the span
 * @param cpuNanos the worker's CPU time over the span
 * @param compilerCpuNanos the part of it the just-in-time compiler's threads spent ({@link CompilerThreadsCpu})
 * @param serviceCpuNanos the benchmark process's CPU time over the span: the local MaxCompute
 *     receiving and storing the rows (and the benchmark's own sampling, a small part); with
 *     {@link #withCheckpoint} also the checkpoint of those rows right after the span
 * @param peakHeapUsedBytes largest heap use sampled (young garbage included)
 * @param peakLiveHeapBytes largest heap use right after a collection (G1's own timing)
 * @param heapAfterGcBytes heap used right after a full collection forced at the end of the span: the
 *     live set, whenever G1 would have collected
 * @param peakRssBytes the worker's peak resident set size
 * @param collections collections during the span, all collectors
 * @param samples progress over time (rows committed, or records whose offsets are committed)
 */
record WorkerSpan(long nanos, long cpuNanos, long compilerCpuNanos, long serviceCpuNanos, long peakHeapUsedBytes, long peakLiveHeapBytes,
    long heapAfterGcBytes, long peakRssBytes, long collections, List<Sample> samples) {

  /** The worker's CPU time without its compiler threads': what the records cost once the code is compiled. */
  long cpuNanosWithoutCompiler() {
    return cpuNanos - compilerCpuNanos;
  }

  /** This span with the CPU time of the service's checkpoint after it counted as the service's. */
  WorkerSpan withCheckpoint(long checkpointCpuNanos) {
    return new WorkerSpan(nanos, cpuNanos, compilerCpuNanos, serviceCpuNanos + checkpointCpuNanos, peakHeapUsedBytes,
        peakLiveHeapBytes, heapAfterGcBytes, peakRssBytes, collections, samples);
  }

  double seconds() {
    return nanos / 1e9;
  }
}
