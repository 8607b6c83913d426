package dev.mcsink.reliability.chaos;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The kind of data a scenario moves: the table, the connector's format settings and the messages. */
enum Workload {
  /** Plain text messages into (key, value): every record fits. */
  TEXT("key STRING, value STRING", "TEXT", "DEFAULT") {
    @Override
    Messages messages() {
      return n -> ("message " + n).getBytes(StandardCharsets.US_ASCII);
    }
  },
  /** FLATTEN messages with every kind of bad record mixed in ({@link PoisonMessages#flatten()}). */
  POISONED_FLATTEN("id BIGINT, name STRING, extendinfo JSON", "FLATTEN", "VALUE") {
    @Override
    Messages messages() {
      return PoisonMessages.flatten();
    }
  },
  /** CSV lines with every kind of bad record mixed in ({@link PoisonMessages#csv()}). */
  POISONED_CSV("id BIGINT, name STRING, region STRING", "CSV", "VALUE") {
    @Override
    Messages messages() {
      return PoisonMessages.csv();
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

  abstract Messages messages();

  String createTable(String table) {
    return "CREATE TABLE " + table + " (topic STRING, `partition` BIGINT, `offset` BIGINT, " + dataColumns
        + ") PARTITIONED BY (pt STRING);";
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
