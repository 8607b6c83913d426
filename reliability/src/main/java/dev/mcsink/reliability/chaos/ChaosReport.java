package dev.mcsink.reliability.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The suite's results as a Markdown table on the console, and as JSON. */
final class ChaosReport {
  private ChaosReport() {
  }

  static void print(List<ScenarioResult> results, PrintStream out) {
    out.println();
    out.println("| scenario | path | produced | expected | landed | routed to errors | missing | duplicates"
        + " | drain s | result |");
    out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
    for (ScenarioResult r : results) {
      // The path column names the configuration: the path alone for the at-least-once ones.
      out.printf("| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %.1f | %s |%n", r.scenario(), r.configuration(),
          r.produced(), r.expected(), r.landed(), r.routed(), r.missing(), r.duplicates(), r.drainSeconds(),
          r.passed() ? "pass" : "FAIL: " + r.problem());
    }
    out.println();
    for (ScenarioResult r : results) {
      if (r.stop() != null) {
        out.println(r.scenario() + " (" + r.path() + ") stopped with: " + r.stop());
      }
      if (r.lastValue() != null) {
        // The table's columns read as keys here: expected, matching, missing + wrong, unexpected.
        out.println(r.scenario() + " (" + r.configuration() + "): " + r.lastValue());
      }
      if (r.tables() != null) {
        r.tables().forEach(table -> out.println(r.scenario() + " (" + r.configuration() + ") " + table));
      }
    }
    List<ScenarioResult> exactlyOnce = results.stream().filter(r -> "exactly-once".equals(r.delivery())).toList();
    if (!exactlyOnce.isEmpty()) {
      out.println("Exactly-once runs: " + exactlyOnce.size() + ", duplicated "
          + exactlyOnce.stream().mapToLong(ScenarioResult::duplicates).sum() + ", missing "
          + exactlyOnce.stream().mapToLong(ScenarioResult::missing).sum() + ".");
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.println(failed == 0 ? "All " + results.size() + " scenario runs passed: nothing missing."
        : failed + " of " + results.size() + " scenario runs FAILED.");
  }

  static void writeJson(List<ScenarioResult> results, Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
  }
}
