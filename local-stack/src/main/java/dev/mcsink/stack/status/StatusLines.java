package dev.mcsink.stack.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status line of each connector, from successive scrapes: rows per second (rows landed between
 * this scrape and the connector's previous one, over the time between them), rows landed, commit
 * lag and errors. A connector gets its first line at its second scrape, when there is a rate to
 * show; a connector without metrics gets none.
 */
public final class StatusLines {
  private final Map<String, Observation> previous = new HashMap<>();

  private record Observation(ConnectorProgress progress, long nanos) {
  }

  /** The lines for a scrape taken at {@code nanos} (System.nanoTime()), connectors by name. */
  public List<String> next(List<Sample> scrape, long nanos) {
    List<String> lines = new ArrayList<>();
    for (ConnectorProgress now : ConnectorProgress.of(scrape).values()) {
      Observation before = previous.put(now.connector(), new Observation(now, nanos));
      if (before != null && nanos > before.nanos) {
        double seconds = (nanos - before.nanos) / 1e9;
        lines.add(line(now, now.rowsLandedSince(before.progress) / seconds));
      }
    }
    return lines;
  }

  static String line(ConnectorProgress progress, double rowsPerSecond) {
    StringBuilder line = new StringBuilder(String.format(Locale.US, "%s: %s rows/s, %,d rows landed, commit lag %,d, errors %,d",
        progress.connector(), rate(rowsPerSecond), Math.round(progress.rowsLanded()), Math.round(progress.commitLag()),
        Math.round(progress.errors())));
    if (progress.errors() > 0) {
      line.append(String.format(Locale.US, " (%,d routed, %,d transient and %,d fatal write failures)",
          Math.round(progress.recordsRouted()), Math.round(progress.transientWriteFailures()),
          Math.round(progress.fatalWriteFailures())));
    }
    return line.toString();
  }

  /** Whole rows per second, but a trickle (the demo's two rows) shows as a fraction rather than 0. */
  private static String rate(double rowsPerSecond) {
    return rowsPerSecond >= 10 || rowsPerSecond == 0
        ? String.format(Locale.US, "%,d", Math.round(rowsPerSecond))
        : String.format(Locale.US, "%.1f", rowsPerSecond);
  }
}
