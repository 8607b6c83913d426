package dev.mcsink.reliability.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The kind of data a scenario moves: the table, the connector's format settings and the messages. */
enum Workload {
  /** Plain text messages into (key, value): every record fits. */
  TEXT("key STRING, value STRING", "TEXT", "DEFAULT") {
    @Override
    Messages messages(Duration length) {
      return n -> ("message " + n).getBytes(StandardCharsets.US_ASCII);
    }
  },
  /** FLATTEN messages with every kind of bad record mixed in ({@link PoisonMessages#flatten()}). */
  POISONED_FLATTEN("id BIGINT, name STRING, extendinfo JSON", "FLATTEN", "VALUE") {
    @Override
    Messages messages(Duration length) {
      return PoisonMessages.flatten();
    }
  },
  /** CSV lines with every kind of bad record mixed in ({@link PoisonMessages#csv()}). */
  POISONED_CSV("id BIGINT, name STRING, region STRING", "CSV", "VALUE") {
    @Override
    Messages messages(Duration length) {
      return PoisonMessages.csv();
    }
  },
  /**
   * Upserts and deletes over a bounded key space ({@link KeyedUpserts}) into a Delta table keyed by
   * id, not partitioned: a key's row must not be split over time windows.
   */
  KEYED_UPSERTS("id BIGINT NOT NULL, v BIGINT", "FLATTEN", "VALUE") {
    @Override
    Messages messages(Duration length) {
      return new KeyedUpserts(KeyedUpserts.KEYS);
    }

    @Override
    String primaryKey() {
      return "id";
    }

    @Override
    boolean partitioned() {
      return false;
    }
  },
  /**
   * FLATTEN records into three topics, each routed to its own table (table=${topic}) that the
   * connector creates from the first record (auto.create) and widens when the records gain a field
   * halfway through the run (auto.evolve, {@link EvolvingRecords}). Rows go to the hour of their
   * Kafka timestamp, so that a replay lands in the partition of the first write.
   */
  ROUTED_EVOLVING(null, "FLATTEN", "VALUE") {
    @Override
    Messages messages(Duration length) {
      return new EvolvingRecords(length.dividedBy(2));
    }

    @Override
    int topics() {
      return 3;
    }

    @Override
    boolean createsTables() {
      return true;
    }

    @Override
    Map<String, String> connectorSettings() {
      Map<String, String> settings = super.connectorSettings();
      settings.put("table", "${topic}");
      settings.put("auto.create", "true");
      settings.put("auto.evolve", "true");
      settings.put("partition.time.source", "KAFKA_TIMESTAMP");
      settings.put("partition_window_type", "HOUR");
      return settings;
    }
  };

  private final String dataColumns;
  private final String format;
  private final String mode;

  Workload(String dataColumns, String format, String mode) {
    this.dataColumns = dataColumns;
    this.format = format;
    this.mode = mode;
  }

  /** The messages of a run whose load lasts {@code length}. */
  abstract Messages messages(Duration length);

  /** The data's own primary key, for a Delta table that keeps the last value per key; null if it has none. */
  String primaryKey() {
    return null;
  }

  /** How many topics the connector reads, each into its own table; 1: one topic into one table. */
  int topics() {
    return 1;
  }

  /** The topics of a run named {@code name}: the name itself, or name_1, name_2, ... */
  List<String> topics(String name) {
    if (topics() == 1) {
      return List.of(name);
    }
    return IntStream.rangeClosed(1, topics()).mapToObj(i -> name + "_" + i).toList();
  }

  /** Whether the connector creates its tables (auto.create) rather than the run. */
  boolean createsTables() {
    return false;
  }

  /** Whether the table is partitioned by time window (pt). */
  boolean partitioned() {
    return true;
  }

  /** A plain table, or with a primary key a Delta table (transactional, keyed): what UPSERT writes. */
  String createTable(String table, String primaryKey) {
    String partitioning = partitioned() ? " PARTITIONED BY (pt STRING)" : "";
    if (primaryKey == null) {
      return "CREATE TABLE " + table + " (topic STRING, `partition` BIGINT, `offset` BIGINT, " + dataColumns
          + ")" + partitioning + ";";
    }
    return "CREATE TABLE " + table + " (topic STRING NOT NULL, `partition` BIGINT NOT NULL, `offset` BIGINT NOT NULL, "
        + dataColumns + ", PRIMARY KEY (" + primaryKey + "))" + partitioning
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"4\");";
  }

  Map<String, String> connectorSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("format", format);
    settings.put("mode", mode);
    settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    return settings;
  }
}
