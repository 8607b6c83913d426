package dev.mcsink.stack.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scrape says of a connector, summed over its tasks: rows landed in MaxCompute, commit
 * lag, records routed and failed writes. Rows landed are also kept per task, so that a rate over
 * two scrapes survives a task restart (its count starts again from 0).
 */
public record ConnectorProgress(String connector, Map<String, Double> rowsLandedByTask, double commitLag,
    double recordsRouted, double transientWriteFailures, double fatalWriteFailures) {
  static final String ROWS_WRITTEN = "maxcompute_sink_rows_written_total";
  static final String COMMIT_LAG = "maxcompute_sink_commit_lag";
  static final String RECORDS_ROUTED = "maxcompute_sink_records_routed_total";
  static final String TRANSIENT_FAILURES = "maxcompute_sink_write_failures_transient_total";
  static final String FATAL_FAILURES = "maxcompute_sink_write_failures_fatal_total";

  public ConnectorProgress {
    rowsLandedByTask = Map.copyOf(rowsLandedByTask);
  }

  /**
   * The connectors a scrape has the sink's metrics of, by name; a connector whose tasks have not
   * registered them yet is absent.
   */
  public static Map<String, ConnectorProgress> of(List<Sample> scrape) {
    Map<String, Sums> sums = new TreeMap<>();
    for (Sample sample : scrape) {
      String connector = sample.label("connector");
      if (connector != null && sample.name().equals(ROWS_WRITTEN)) {
        sums.computeIfAbsent(connector, c -> new Sums()).rowsByTask.merge(sample.label("task"), sample.value(), Double::sum);
      }
    }
    for (Sample sample : scrape) {
      Sums connector = sample.label("connector") != null ? sums.get(sample.label("connector")) : null;
      if (connector != null) {
        connector.add(sample);
      }
    }
    Map<String, ConnectorProgress> progress = new TreeMap<>();
    sums.forEach((connector, s) -> progress.put(connector, new ConnectorProgress(connector, s.rowsByTask,
        s.commitLag, s.routed, s.transientFailures, s.fatalFailures)));
    return progress;
  }

  public double rowsLanded() {
    return rowsLandedByTask.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double errors() {
    return recordsRouted + transientWriteFailures + fatalWriteFailures;
  }

  /**
   * Rows landed since an earlier scrape; a task whose count went down was restarted, and all its
   * rows since then count (as Prometheus's rate() treats a counter reset).
   */
  public double rowsLandedSince(ConnectorProgress earlier) {
    double rows = 0;
    for (Map.Entry<String, Double> task : rowsLandedByTask.entrySet()) {
      double before = earlier.rowsLandedByTask.getOrDefault(task.getKey(), 0.0);
      rows += task.getValue() >= before ? task.getValue() - before : task.getValue();
    }
    return rows;
  }

  /** Running sums while reading one scrape. */
  private static final class Sums {
    final Map<String, Double> rowsByTask = new HashMap<>();
    double commitLag;
    double routed;
    double transientFailures;
    double fatalFailures;

    void add(Sample sample) {
      switch (sample.name()) {
        case COMMIT_LAG -> commitLag += sample.value();
        case RECORDS_ROUTED -> routed += sample.value();
        case TRANSIENT_FAILURES -> transientFailures += sample.value();
        case FATAL_FAILURES -> fatalFailures += sample.value();
        default -> { }
      }
    }
  }
}
