package com.aliyun.odps.kafka.connect.config;

import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_KEY;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_TYPE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.CDC_FORMAT;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_BOOTSTRAP_SERVERS;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.EXACTLY_ONCE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.FORMAT;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.MODE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.PK_SOURCE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ROLE_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_PASSWORD;
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

  private static boolean isBlank(Object value) {
    if (value == null) {
      return true;
    }
    String text = value instanceof Password ? ((Password) value).value() : value.toString();
    return text == null || text.trim().isEmpty();
  }
}
