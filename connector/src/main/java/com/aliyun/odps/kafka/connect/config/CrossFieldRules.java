package com.aliyun.odps.kafka.connect.config;

import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_KEY;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_TYPE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.AUTO_CREATE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.AUTO_CREATE_PRIMARY_KEY;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.AUTO_EVOLVE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.CDC_FORMAT;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_BOOTSTRAP_SERVERS;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.EXACTLY_ONCE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.FORMAT;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.MODE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.PARTITION_TIME_FIELD;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.PARTITION_TIME_SOURCE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.PK_SOURCE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ROLE_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_PASSWORD;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.TABLE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.TOPIC2TABLE_MAP;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.USE_STREAMING;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.WRITE_MODE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/**
 * Rules that involve more than one key, each reported on the key the user has to change. Works
 * on parsed values (as {@code ConfigDef.parse} or {@code ConfigValue.value()} give them); a key
 * whose value is absent because it failed its own validation is skipped by the rules that need it,
 * so one mistake is reported once.
 */
public final class CrossFieldRules {
  private CrossFieldRules() {
  }

  public static List<ConfigProblem> check(Map<String, ?> values) {
    List<ConfigProblem> problems = new ArrayList<>();
    checkModeFitsFormat(values, problems);
    checkCredentials(values, problems);
    checkErrorTopic(values, problems);
    checkTrustStore(values, problems);
    checkDelivery(values, problems);
    checkPartitionTime(values, problems);
    checkTables(values, problems);
    return problems;
  }

  private static void checkModeFitsFormat(Map<String, ?> values, List<ConfigProblem> problems) {
    Object format = values.get(FORMAT);
    Object mode = values.get(MODE);
    if (format == null || mode == null) {
      return;
    }
    MessageFormat f = MaxComputeSinkConfig.FORMATS.parse(format.toString());
    MessageMode m = MaxComputeSinkConfig.MODES.parse(mode.toString());
    if (m == MessageMode.DEFAULT && f != MessageFormat.TEXT && f != MessageFormat.BINARY) {
      problems.add(new ConfigProblem(MODE, "mode DEFAULT (key and value) works only with format TEXT or BINARY;"
          + " with format " + f + " set mode to KEY or VALUE"));
    }
  }

  private static void checkCredentials(Map<String, ?> values, List<ConfigProblem> problems) {
    Object accountType = values.get(ACCOUNT_TYPE);
    if (accountType == null) {
      return;
    }
    AccountType type = MaxComputeSinkConfig.accountTypeOf(accountType.toString());
    if (type == AccountType.DEFAULT_CHAIN) {
      return;
    }
    // STS signs its AssumeRole call with the AccessKey pair, so both types need it.
    requirePresent(values, ACCESS_ID, type, problems);
    requirePresent(values, ACCESS_KEY, type, problems);
    if (type == AccountType.STS) {
      requirePresent(values, ACCOUNT_ID, type, problems);
      requirePresent(values, ROLE_NAME, type, problems);
    }
  }

  private static void requirePresent(Map<String, ?> values, String key, AccountType type,
      List<ConfigProblem> problems) {
    if (values.containsKey(key) && isBlank(values.get(key))) {
      problems.add(new ConfigProblem(key, "account_type " + type + " needs " + key));
    }
  }

  private static void checkErrorTopic(Map<String, ?> values, List<ConfigProblem> problems) {
    if (!values.containsKey(ERROR_TOPIC_NAME) || !values.containsKey(ERROR_TOPIC_BOOTSTRAP_SERVERS)) {
      return;
    }
    boolean hasName = !isBlank(values.get(ERROR_TOPIC_NAME));
    boolean hasServers = !isBlank(values.get(ERROR_TOPIC_BOOTSTRAP_SERVERS));
    if (hasName && !hasServers) {
      problems.add(new ConfigProblem(ERROR_TOPIC_BOOTSTRAP_SERVERS,
          ERROR_TOPIC_NAME + " is set: give the bootstrap servers of the Kafka cluster that holds the error topic"));
    } else if (hasServers && !hasName) {
      problems.add(new ConfigProblem(ERROR_TOPIC_NAME,
          ERROR_TOPIC_BOOTSTRAP_SERVERS + " is set: give the name of the error topic, or remove both"));
    }
  }

  /** A password alone is a trust store forgotten, not one to ignore. */
  private static void checkTrustStore(Map<String, ?> values, List<ConfigProblem> problems) {
    if (values.containsKey(SSL_TRUSTSTORE_LOCATION) && isBlank(values.get(SSL_TRUSTSTORE_LOCATION))
        && !isBlank(values.get(SSL_TRUSTSTORE_PASSWORD))) {
      problems.add(new ConfigProblem(SSL_TRUSTSTORE_LOCATION,
          SSL_TRUSTSTORE_PASSWORD + " is set: give the path of the trust store, or remove the password"));
    }
  }

  /**
   * Upsert keys only with write.mode UPSERT (never ignored: a key set for nothing is a mistake);
   * the streaming Tunnel cannot delete and has no commit to check, so neither UPSERT nor
   * exactly_once goes with it.
   */
  private static void checkDelivery(Map<String, ?> values, List<ConfigProblem> problems) {
    Object mode = values.get(WRITE_MODE);
    if (mode == null) {
      return;
    }
    boolean upsert = MaxComputeSinkConfig.WRITE_MODES.parse(mode.toString()) == WriteMode.UPSERT;
    boolean streaming = Boolean.TRUE.equals(values.get(USE_STREAMING));
    Object pkSource = values.get(PK_SOURCE);
    if (!upsert && pkSource != null && MaxComputeSinkConfig.PK_SOURCES.parse(pkSource.toString()) != PrimaryKeySource.VALUE) {
      problems.add(new ConfigProblem(PK_SOURCE, "pk.source " + pkSource + " needs write.mode UPSERT"));
    }
    Object cdc = values.get(CDC_FORMAT);
    if (cdc != null && MaxComputeSinkConfig.CDC_FORMATS.parse(cdc.toString()) != CdcFormat.NONE) {
      Object format = values.get(FORMAT);
      if (!upsert) {
        problems.add(new ConfigProblem(CDC_FORMAT, "cdc.format " + cdc + " needs write.mode UPSERT"));
      } else if (format != null && MaxComputeSinkConfig.FORMATS.parse(format.toString()) != MessageFormat.FLATTEN) {
        problems.add(new ConfigProblem(CDC_FORMAT, "cdc.format " + cdc + " reads change events field by field:"
            + " it needs format FLATTEN, not " + format));
      } else if (values.get(MODE) != null && MaxComputeSinkConfig.MODES.parse(values.get(MODE).toString()) == MessageMode.KEY) {
        problems.add(new ConfigProblem(CDC_FORMAT, "cdc.format " + cdc + " reads change events from the message"
            + " value: set mode VALUE"));
      }
    }
    if (upsert && streaming) {
      problems.add(new ConfigProblem(USE_STREAMING, "write.mode UPSERT writes through the Tunnel's upsert"
          + " sessions; the streaming Tunnel cannot delete: set use_streaming=false"));
    }
    if (!upsert && streaming && Boolean.TRUE.equals(values.get(EXACTLY_ONCE))) {
      problems.add(new ConfigProblem(EXACTLY_ONCE, "the streaming Tunnel into an append table is at least once:"
          + " a stream pack has no commit to check. Use the batch Tunnel (use_streaming=false), or a Delta table"
          + " with write.mode UPSERT, whose replays are idempotent by the primary key"));
    }
  }

  /** A time field is needed by FIELD and means nothing to the other sources. */
  private static void checkPartitionTime(Map<String, ?> values, List<ConfigProblem> problems) {
    Object source = values.get(PARTITION_TIME_SOURCE);
    if (source == null || !values.containsKey(PARTITION_TIME_FIELD)) {
      return;
    }
    boolean field = MaxComputeSinkConfig.TIME_SOURCES.parse(source.toString()) == PartitionTimeSource.FIELD;
    boolean hasField = !isBlank(values.get(PARTITION_TIME_FIELD));
    if (field && !hasField) {
      problems.add(new ConfigProblem(PARTITION_TIME_FIELD, "partition.time.source FIELD: give the field of the value"
          + " that holds the time"));
    } else if (!field && hasField) {
      problems.add(new ConfigProblem(PARTITION_TIME_FIELD, "is read only with partition.time.source FIELD, not "
          + source + ": set the source, or remove the field"));
    }
  }

  /**
   * Exactly-once reads back, when a partition is assigned, the offsets of the one table it writes;
   * evolution needs fields to add as columns; a created table needs its columns and key known.
   */
  private static void checkTables(Map<String, ?> values, List<ConfigProblem> problems) {
    Object table = values.get(TABLE);
    boolean routed = (table != null && table.toString().contains(TableRouting.TOPIC_PLACEHOLDER))
        || !isBlank(values.get(TOPIC2TABLE_MAP));
    boolean exactlyOnce = Boolean.TRUE.equals(values.get(EXACTLY_ONCE));
    if (routed && exactlyOnce) {
      problems.add(new ConfigProblem(EXACTLY_ONCE, "exactly_once keeps the offsets of one table; with several"
          + " tables (a ${topic} table or topic2table.map) use one connector per table, or Delta tables with"
          + " write.mode UPSERT, whose replays are idempotent by the primary key"));
    } else if (exactlyOnce && Boolean.TRUE.equals(values.get(AUTO_CREATE))) {
      problems.add(new ConfigProblem(EXACTLY_ONCE, "exactly_once reads back, when a task is given a partition,"
          + " what the table holds: create the table first (auto.create=false)"));
    }
    MessageFormat format = values.get(FORMAT) == null ? null : MaxComputeSinkConfig.FORMATS.parse(values.get(FORMAT).toString());
    if (Boolean.TRUE.equals(values.get(AUTO_EVOLVE)) && format != null && format != MessageFormat.FLATTEN) {
      problems.add(new ConfigProblem(AUTO_EVOLVE, "auto.evolve adds a column for a new field: it needs format"
          + " FLATTEN, not " + format));
    }
    if (!Boolean.TRUE.equals(values.get(AUTO_CREATE))) {
      return;
    }
    if (format == MessageFormat.CSV) {
      problems.add(new ConfigProblem(AUTO_CREATE, "a CSV line does not name its columns: create the table, or use"
          + " format FLATTEN"));
    }
    Object mode = values.get(WRITE_MODE);
    Object key = values.get(AUTO_CREATE_PRIMARY_KEY);
    boolean upsert = mode != null && MaxComputeSinkConfig.WRITE_MODES.parse(mode.toString()) == WriteMode.UPSERT;
    boolean hasKey = key instanceof List && !((List<?>) key).isEmpty();
    if (upsert && !hasKey && key != null) {
      problems.add(new ConfigProblem(AUTO_CREATE_PRIMARY_KEY, "auto.create with write.mode UPSERT creates a Delta"
          + " table: give its primary-key columns"));
    } else if (!upsert && hasKey) {
      problems.add(new ConfigProblem(AUTO_CREATE_PRIMARY_KEY, "a primary key makes a Delta table, written by"
          + " write.mode UPSERT: set it, or remove the key"));
    }
  }

  private static boolean isBlank(Object value) {
    if (value == null) {
      return true;
    }
    String text = value instanceof Password ? ((Password) value).value() : value.toString();
    return text == null || text.trim().isEmpty();
  }
}
