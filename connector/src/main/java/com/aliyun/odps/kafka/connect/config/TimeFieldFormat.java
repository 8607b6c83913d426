package com.aliyun.odps.kafka.connect.config;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a time field of the value is read ({@code partition.time.field.format}): a number of epoch
 * milliseconds or seconds, or text in a {@link DateTimeFormatter} pattern. Connect {@code Timestamp}
 * and {@code Date} values are read as what they are, whatever this says. Immutable.
 */
public final class TimeFieldFormat {
  public static final String EPOCH_MILLIS = "epoch_millis";
  public static final String EPOCH_SECONDS = "epoch_seconds";

  /** What a number means. */
  public enum Kind { EPOCH_MILLIS, EPOCH_SECONDS, PATTERN }

  private final Kind kind;
  private final String pattern;

  private TimeFieldFormat(Kind kind, String pattern) {
    this.kind = kind;
    this.pattern = pattern;
  }

  /** @throws IllegalArgumentException naming the problem when the pattern is not one */
  public static TimeFieldFormat parse(String value) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty() || EPOCH_MILLIS.equalsIgnoreCase(text)) {
      return new TimeFieldFormat(Kind.EPOCH_MILLIS, null);
    }
    if (EPOCH_SECONDS.equalsIgnoreCase(text)) {
      return new TimeFieldFormat(Kind.EPOCH_SECONDS, null);
    }
    DateTimeFormatter.ofPattern(text, Locale.ROOT);
    return new TimeFieldFormat(Kind.PATTERN, text);
  }

  public Kind kind() {
    return kind;
  }

  /** The pattern of {@link Kind#PATTERN}; null otherwise. */
  public String pattern() {
    return pattern;
  }

  static ConfigDef.Validator validator() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      try {
        parse(value == null ? null : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, "neither epoch_millis, epoch_seconds nor a date-time pattern: "
            + e.getMessage());
      }
    }, () -> "epoch_millis, epoch_seconds, or a pattern such as yyyy-MM-dd HH:mm:ss");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeFieldFormat && kind == ((TimeFieldFormat) o).kind
        && Objects.equals(pattern, ((TimeFieldFormat) o).pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, pattern);
  }

  @Override
  public String toString() {
    return kind == Kind.PATTERN ? pattern : kind.name().toLowerCase(Locale.ROOT);
  }
}
