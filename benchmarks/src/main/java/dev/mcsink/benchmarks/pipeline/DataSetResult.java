package dev.mcsink.benchmarks.pipeline;

import java.util.List;

/**
 * One data set's figures: the ceiling consumer's drain and each connector's.
 *
 * @param ceilingNanos the plain consumer's wall time for the whole data set
 * @param ceilingCpuNanos the benchmark process's CPU time over it (the consumer; the idle local MaxCompute)
 */
record DataSetResult(DataSet data, long ceilingNanos, long ceilingCpuNanos, List<ConnectorResult> connectors) {
  double ceilingRecordsPerSecond() {
    return data.records() / (ceilingNanos / 1e9);
  }

  double recordsPerSecond(ConnectorResult result) {
    return data.records() / result.seconds();
  }

  double megabytesPerSecond(double seconds) {
    return data.bytes() / 1e6 / seconds;
  }

  double ratio(ConnectorResult result) {
    return recordsPerSecond(result) / ceilingRecordsPerSecond();
  }

  /** CPU seconds per million records. */
  double cpuSecondsPerMillion(long cpuNanos) {
    return cpuNanos / 1e9 / (data.records() / 1e6);
  }
}
