package dev.mcsink.stack.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text format (version 0.0.4) as the JMX exporter writes it: comments and
 * blank lines skipped, each sample as {@code name{label="value",...} value [timestamp]}. Enough for
 * the status line; a client library would bring a dependency for a few dozen lines.
 */
public final class PrometheusText {
  private PrometheusText() {
  }

  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        samples.add(sample(trimmed));
      }
    }
    return samples;
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || (space >= 0 && space < brace)) {
      return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1)));
    }
    Map<String, String> labels = new HashMap<>();
    int end = labels(line, brace + 1, labels);
    return new Sample(line.substring(0, brace), labels, value(line.substring(end + 1)));
  }

  /** Reads labels from just after '{'; returns the index of the closing '}'. */
  private static int labels(String line, int from, Map<String, String> into) {
    int i = from;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String name = line.substring(i, equals).strip();
      StringBuilder value = new StringBuilder();
      i = equals + 2; // past ="
      for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
        if (c == '\\') {
          char escaped = line.charAt(++i);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      into.put(name, value.toString());
      i++; // past the closing quote
      while (line.charAt(i) == ',' || line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** The value, without a timestamp that may follow it. */
  private static double value(String rest) {
    String value = rest.strip().split(" ")[0];
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }
}
