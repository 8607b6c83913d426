package dev.mcsink.localmc.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Partition column values in key order, keys lower-case. Parsed from the spellings the SDK sends:
 * {@code pt='v',dt='w'} (quoted, REST), {@code pt=v,dt=w} (tunnel) and {@code pt=v/dt=w} (names).
 */
public final class PartitionSpec {
  private static final PartitionSpec EMPTY = new PartitionSpec(Map.of());
  private final Map<String, String> values;

  private PartitionSpec(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static PartitionSpec empty() {
    return EMPTY;
  }

  public static PartitionSpec of(Map<String, String> values) {
    Map<String, String> lower = new LinkedHashMap<>();
    values.forEach((k, v) -> lower.put(k.trim().toLowerCase(Locale.ROOT), v));
    return new PartitionSpec(lower);
  }

  public static PartitionSpec parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : splitTopLevel(text.trim())) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Invalid partition spec '" + text + "'");
      }
      String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      values.put(unquote(key, '`'), unquoteValue(part.substring(eq + 1).trim()));
    }
    return new PartitionSpec(values);
  }

  /** Splits on ',' or '/' outside quotes. */
  private static java.util.List<String> splitTopLevel(String text) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == ',' || c == '/') {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString().trim());
    }
    return parts;
  }

  private static String unquoteValue(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String unquote(String v, char q) {
    return v.length() >= 2 && v.charAt(0) == q && v.charAt(v.length() - 1) == q ? v.substring(1, v.length() - 1) : v;
  }

  public Map<String, String> values() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@code pt=v/dt=w}: the form partition listings use as a name. */
  public String toPathName() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("/"));
  }

  /** {@code pt='v',dt='w'}: the form SQL and the REST API use. */
  public String toQuotedSpec() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "='" + e.getValue().replace("'", "\\'") + "'")
        .collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionSpec other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toQuotedSpec();
  }
}
