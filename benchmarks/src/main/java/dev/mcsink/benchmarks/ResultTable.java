package dev.mcsink.benchmarks;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints measurements as a Markdown table, so that it can be pasted into the docs as it is. */
final class ResultTable {
  private static final String HEADER =
      "| path | client threads | wire | row shape | rows | seconds | rows/s | MB/s | bytes/row | cores busy | client CPU-s/M rows | service CPU-s/M rows | checkpoint CPU-s/M rows |";
  private static final String RULE = "|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

  private ResultTable() {
  }

  static void print(List<Measurement> measurements, PrintWriter out) {
    out.println(HEADER);
    out.println(RULE);
    for (Measurement m : measurements) {
      out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %,d | %.2f | %,.0f | %.1f | %.0f | %.1f | %.2f | %.2f | %.2f |",
          m.path(), m.clientThreads(), m.compression(), m.shape(), m.rows(), m.seconds(), m.rowsPerSecond(),
          m.megabytesPerSecond(), (double) m.recordStreamBytes() / m.rows(), m.coresBusy(),
          m.clientCpuSecondsPerMillionRows(), m.serviceCpuSecondsPerMillionRows(), m.checkpointCpuSecondsPerMillionRows()));
    }
    out.flush();
  }
}
