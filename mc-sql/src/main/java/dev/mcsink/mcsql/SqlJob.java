package dev.mcsink.mcsql;

import java.util.Map;

/** One statement to run as its own SQL task, with the {@code set} hints in force before it. */
public record SqlJob(String sql, Map<String, String> hints) {
  public SqlJob {
    hints = Map.copyOf(hints);
  }
}
