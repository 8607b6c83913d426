package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.localmc.activity.TableActivity;
import java.util.List;

/**
 * What one connector did with one data set.
 *
 * @param nanos from creating the connector to the last row being committed in the table
 * @param rows rows in the table at the end
 * @param distinctOffsets distinct (partition, offset) pairs among them; -1 if the count failed
 * @param cpuNanos the worker's CPU time over the same span
 * @param serviceCpuNanos the benchmark process's CPU time over the same span: the local MaxCompute
 *     receiving and storing the rows (and the benchmark's own sampling, a small part)
 * @param peakHeapUsedBytes largest heap use sampled (young garbage included)
 * @param peakLiveHeapBytes largest heap use right after a collection
 * @param peakRssBytes the worker's peak resident set size
 * @param activity the table's tunnel operations during the run
 * @param samples rows committed over time
 */
record ConnectorResult(Candidate candidate, boolean streaming, long nanos, long rows, long distinctOffsets,
    long cpuNanos, long serviceCpuNanos, long peakHeapUsedBytes, long peakLiveHeapBytes, long peakRssBytes, long collections,
    TableActivity activity, List<Sample> samples) {

  double seconds() {
    return nanos / 1e9;
  }

  String path() {
    return streaming ? "stream" : "batch";
  }

  /** The tunnel operations counted for the table, per minute of the run. */
  double perMinute(long count) {
    return count / (seconds() / 60);
  }
}
