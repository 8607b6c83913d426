package dev.mcsink.benchmarks.pipeline;

import java.util.List;

/**
 * One data set's figures: the ceiling consumer's drain, the floor's and each connector's.
 *
 * @param ceilingNanos the plain consumer's wall time for the whole data set
 * @param ceilingCpuNanos the benchmark process's CPU time over it (the consumer; the idle local MaxCompute)
 * @param floor the discarding sink's drain, in a worker like the connectors'
 */
record DataSetResult(DataSet data, long ceilingNanos, long ceilingCpuNanos, FloorResult floor,
    List<ConnectorResult> connectors) {
  double ceilingRecordsPerSecond() {
    return data.records() / (ceilingNanos / 1e9);
  }

  double recordsPerSecond(WorkerSpan span) {
    return data.records() / span.seconds();
  }

  double megabytesPerSecond(double seconds) {
    return data.bytes() / 1e6 / seconds;
  }

  double ratio(WorkerSpan span) {
    return recordsPerSecond(span) / ceilingRecordsPerSecond();
  }

  /** CPU seconds per million records. */
  double cpuSecondsPerMillion(long cpuNanos) {
    return cpuNanos / 1e9 / (data.records() / 1e6);
  }

  /** The worker CPU a connector spent per record as a multiple of the floor's: what it costs beyond Connect. */
  double cpuVsFloor(WorkerSpan span) {
    return (double) span.cpuNanos() / floor.span().cpuNanos();
  }

  /** {@link #cpuVsFloor} without the compiler threads' CPU on either side. */
  double cpuVsFloorWithoutCompiler(WorkerSpan span) {
    return (double) span.cpuNanosWithoutCompiler() / floor.span().cpuNanosWithoutCompiler();
  }
}
