package dev.mcsink.stack;

import java.util.Map;
import java.util.TreeMap;

/** Settings as the lines of a properties file; they come last, so they override earlier lines. */
final class PropertyLines {
  private PropertyLines() {
  }

  static String of(Map<String, String> settings) {
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(settings).forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
    return lines.toString();
  }
}
