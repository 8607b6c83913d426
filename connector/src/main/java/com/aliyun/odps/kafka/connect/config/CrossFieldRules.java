package com.aliyun.odps.kafka.connect.config;

import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCESS_KEY;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_ID;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ACCOUNT_TYPE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_BOOTSTRAP_SERVERS;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ERROR_TOPIC_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.FORMAT;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.MODE;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.ROLE_NAME;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_PASSWORD;

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

  private static boolean isBlank(Object value) {
    if (value == null) {
      return true;
    }
    String text = value instanceof Password ? ((Password) value).value() : value.toString();
    return text == null || text.trim().isEmpty();
  }
}
