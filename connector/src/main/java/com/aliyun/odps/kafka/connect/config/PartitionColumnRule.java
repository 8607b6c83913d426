package com.aliyun.odps.kafka.connect.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * How one partition column of the table is filled ({@code partition.columns}, entries such as
 * {@code ds=time:yyyyMMdd} or {@code region=field:address.region}): the partition time in a
 * pattern, or a field of the value as it is. Immutable.
 */
public final class PartitionColumnRule {
  /** MaxCompute's longest partition value. */
  static final int MAX_VALUE_LENGTH = 128;
  /** Characters that would break a partition spec such as {@code ds='a',hh='b'} or the path {@code ds=a/hh=b}. */
  private static final String NOT_IN_VALUE = "/=,'\"`";
  private static final Instant SAMPLE = Instant.parse("2024-12-31T23:59:58.123Z");
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");

  /** What fills the column. */
  public enum Kind { TIME, FIELD }

  private final String column;
  private final Kind kind;
  private final String argument;

  public PartitionColumnRule(String column, Kind kind, String argument) {
    this.column = Objects.requireNonNull(column, "column");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.argument = Objects.requireNonNull(argument, "argument");
  }

  /**
   * The rules of a {@code partition.columns} value, in table order; empty for an empty value.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static List<PartitionColumnRule> parseList(String value) {
    List<PartitionColumnRule> rules = new ArrayList<>();
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      return rules;
    }
    Set<String> seen = new HashSet<>();
    for (String entry : text.split(",")) {
      PartitionColumnRule rule = parse(entry.trim());
      if (!seen.add(rule.column.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("column `" + rule.column + "` is given twice");
      }
      rules.add(rule);
    }
    return rules;
  }

  private static PartitionColumnRule parse(String entry) {
    int eq = entry.indexOf('=');
    int colon = eq < 0 ? -1 : entry.indexOf(':', eq);
    if (eq <= 0 || colon < 0) {
      throw new IllegalArgumentException("'" + entry + "' is not column=time:PATTERN or column=field:NAME");
    }
    String column = entry.substring(0, eq).trim();
    String kind = entry.substring(eq + 1, colon).trim().toLowerCase(Locale.ROOT);
    String argument = entry.substring(colon + 1).trim();
    if (!COLUMN_NAME.matcher(column).matches()) {
      throw new IllegalArgumentException("'" + column + "' is not a column name");
    }
    if (argument.isEmpty()) {
      throw new IllegalArgumentException("'" + entry + "' has nothing after '" + kind + ":'");
    }
    switch (kind) {
      case "time":
        checkTimePattern(column, argument);
        return new PartitionColumnRule(column, Kind.TIME, argument);
      case "field":
        return new PartitionColumnRule(column, Kind.FIELD, argument);
      default:
        throw new IllegalArgumentException("'" + entry + "': the kind is time or field, not '" + kind + "'");
    }
  }

  /** A pattern that is not one, or whose text could never be a partition value, is refused here, not per record. */
  private static void checkTimePattern(String column, String pattern) {
    String sample;
    try {
      sample = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(SAMPLE);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException("'" + pattern + "' of column `" + column + "` is not a date-time pattern: "
          + e.getMessage());
    }
    String problem = valueProblem(sample);
    if (problem != null) {
      throw new IllegalArgumentException("'" + pattern + "' of column `" + column + "` makes values such as '"
          + sample + "', which cannot be a partition value: " + problem);
    }
  }

  /**
   * Why {@code text} cannot be a partition value, in user terms; null when it can be one. The one
   * rule for a pattern's values, checked here, and for each record's, checked by the partitioner.
   */
  public static String valueProblem(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.length() > MAX_VALUE_LENGTH) {
      return "it is longer than " + MAX_VALUE_LENGTH + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (NOT_IN_VALUE.indexOf(c) >= 0) {
        return "it contains " + (c == '\'' ? "\"'\"" : "'" + c + "'");
      }
      if (Character.isISOControl(c)) {
        return "it contains a control character";
      }
    }
    return null;
  }

  static ConfigDef.Validator validator() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      try {
        parseList(value == null ? null : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }, () -> "empty, or column=time:PATTERN / column=field:NAME entries, comma-separated");
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  /** The date-time pattern of a TIME column, the field path (dots between levels) of a FIELD column. */
  public String argument() {
    return argument;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PartitionColumnRule)) {
      return false;
    }
    PartitionColumnRule other = (PartitionColumnRule) o;
    return column.equals(other.column) && kind == other.kind && argument.equals(other.argument);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, kind, argument);
  }

  @Override
  public String toString() {
    return column + "=" + kind.name().toLowerCase(Locale.ROOT) + ":" + argument;
  }
}
