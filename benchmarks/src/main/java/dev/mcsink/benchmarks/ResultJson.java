package dev.mcsink.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the measurements as JSON: {@code {"environment": {...}, "results": [{...}, ...]}}. The
 * structure is flat and the values are numbers or plain labels, so it is written by hand.
 */
final class ResultJson {
  private ResultJson() {
  }

  static void write(Path file, Map<String, Object> environment, List<Measurement> measurements)
      throws IOException {
    StringBuilder json = new StringBuilder("{\n  \"environment\": {");
    String separator = "\n";
    for (Map.Entry<String, Object> e : environment.entrySet()) {
      json.append(separator).append("    ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
      separator = ",\n";
    }
    json.append("\n  },\n  \"results\": [");
    separator = "\n";
    for (Measurement m : measurements) {
      json.append(separator).append(String.format(Locale.ROOT,
          "    {\"path\": %s, \"shape\": %s, \"clientThreads\": %d, \"compression\": %s, \"rows\": %d, "
              + "\"seconds\": %.3f, \"cpuSeconds\": %s, \"clientCpuSeconds\": %s, \"rowsPerSecond\": %.1f, \"recordStreamBytes\": %d, "
              + "\"recordStreamBytesSource\": %s, \"megabytesPerSecond\": %.2f, \"wireBytes\": %s, "
              + "\"countedRows\": %d, \"checkpointCpuSeconds\": %s}",
          quote(m.path()), quote(m.shape()), m.clientThreads(), quote(m.compression()), m.rows(), m.seconds(),
          m.cpuNanos() < 0 ? "null" : String.format(Locale.ROOT, "%.3f", m.cpuNanos() / 1e9),
          m.clientCpuNanos() < 0 ? "null" : String.format(Locale.ROOT, "%.3f", m.clientCpuNanos() / 1e9),
          m.rowsPerSecond(),
          m.recordStreamBytes(), quote(m.recordStreamBytesSource()), m.megabytesPerSecond(),
          m.wireBytes() < 0 ? "null" : Long.toString(m.wireBytes()), m.countedRows(),
          m.checkpointCpuNanos() < 0 ? "null" : String.format(Locale.ROOT, "%.3f", m.checkpointCpuNanos() / 1e9)));
      separator = ",\n";
    }
    json.append("\n  ]\n}\n");
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  private static String value(Object v) {
    return v instanceof Number ? v.toString() : quote(String.valueOf(v));
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
