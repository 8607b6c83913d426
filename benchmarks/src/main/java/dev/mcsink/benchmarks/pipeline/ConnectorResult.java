package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.localmc.activity.TableActivity;
import java.util.List;

/**
 * What one connector did with one data set.
 *
 * @param table the table it wrote
 * @param span the worker's figures from creating the connector to the last row being committed in the table
 * @param rows rows in the table at the end
 * @param distinctOffsets distinct (partition, offset) pairs among them; -1 if the count failed
 * @param activity the table's tunnel operations during the run
 */
record ConnectorResult(Candidate candidate, boolean streaming, String table, WorkerSpan span, long rows,
    long distinctOffsets, TableActivity activity) {

  double seconds() {
    return span.seconds();
  }

  /** Rows committed over time. */
  List<Sample> samples() {
    return span.samples();
  }

  String path() {
    return streaming ? "stream" : "batch";
  }

  /** The tunnel operations counted for the table, per minute of the run. */
  double perMinute(long count) {
    return count / (seconds() / 60);
  }
}
