package com.aliyun.odps.kafka.connect.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which table a record goes to, and what the connector may do to tables: the {@code table} key
 * (a name, or a template with {@code ${topic}}), {@code topic2table.map}, and the opt-in creation
 * ({@code auto.create*}) and evolution ({@code auto.evolve}) of tables. The topic is the record's
 * topic as the connector gets it, after SMTs (a RegexRouter's new name routes the record). Immutable.
 */
public final class TableRouting {
  public static final String TOPIC_PLACEHOLDER = "${topic}";
  private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9_]");
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,128}");

  private final String table;
  private final Map<String, String> topicTables;
  private final boolean autoCreate;
  private final int lifecycleDays;
  private final List<String> primaryKey;
  private final boolean autoEvolve;

  public TableRouting(String table, Map<String, String> topicTables, boolean autoCreate, int lifecycleDays,
      List<String> primaryKey, boolean autoEvolve) {
    this.table = Objects.requireNonNull(table, "table");
    this.topicTables = Map.copyOf(topicTables);
    this.autoCreate = autoCreate;
    this.lifecycleDays = lifecycleDays;
    this.primaryKey = List.copyOf(primaryKey);
    this.autoEvolve = autoEvolve;
  }

  /** The same routing for another {@code table} value (the settings builder's, so the two never differ). */
  TableRouting withTable(String table) {
    return new TableRouting(table.trim(), topicTables, autoCreate, lifecycleDays, primaryKey, autoEvolve);
  }

  /** A connector writing one table: no map, no template. */
  public boolean isSingleTable() {
    return topicTables.isEmpty() && !table.contains(TOPIC_PLACEHOLDER);
  }

  /**
   * The table of a topic: from the map, else {@code table} with {@code ${topic}} replaced by the
   * topic, every character a table name cannot hold ('.', '-', ...) turned into '_', lower case.
   */
  public String tableFor(String topic) {
    String mapped = topicTables.get(topic);
    if (mapped != null) {
      return mapped;
    }
    if (!table.contains(TOPIC_PLACEHOLDER)) {
      return table;
    }
    return table.replace(TOPIC_PLACEHOLDER, NOT_IN_NAME.matcher(topic).replaceAll("_")).toLowerCase(Locale.ROOT);
  }

  public boolean autoCreate() {
    return autoCreate;
  }

  /** Days of {@code LIFECYCLE} for a created table; 0: none. */
  public int lifecycleDays() {
    return lifecycleDays;
  }

  /** The primary-key columns of a table created for write.mode UPSERT. */
  public List<String> primaryKey() {
    return primaryKey;
  }

  public boolean autoEvolve() {
    return autoEvolve;
  }

  /**
   * {@code topicA:tableA,topicB:tableB}, in order; empty for an empty value.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static Map<String, String> parseMap(String value) {
    Map<String, String> map = new LinkedHashMap<>();
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      return map;
    }
    for (String entry : text.split(",")) {
      int colon = entry.lastIndexOf(':');
      String topic = colon < 0 ? "" : entry.substring(0, colon).trim();
      String tableName = colon < 0 ? "" : entry.substring(colon + 1).trim();
      if (topic.isEmpty() || tableName.isEmpty()) {
        throw new IllegalArgumentException("'" + entry.trim() + "' is not topic:table");
      }
      if (!TABLE_NAME.matcher(tableName).matches()) {
        throw new IllegalArgumentException("'" + tableName + "' (of topic " + topic + ") is not a table name:"
            + " letters, digits and '_'");
      }
      if (map.put(topic, tableName) != null) {
        throw new IllegalArgumentException("topic " + topic + " is mapped twice");
      }
    }
    return map;
  }

  static ConfigDef.Validator mapValidator() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      try {
        parseMap(value == null ? null : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }, () -> "empty, or topic:table entries, comma-separated");
  }

  @Override
  public String toString() {
    return "{table=" + table + ", topicTables=" + topicTables + ", autoCreate=" + autoCreate
        + ", lifecycleDays=" + lifecycleDays + ", primaryKey=" + primaryKey + ", autoEvolve=" + autoEvolve + "}";
  }
}
