package com.aliyun.odps.kafka.connect.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The part of {@code Connector.validate()} that reads values only: to the ConfigDef's per-key
 * result it adds the cross-field rules, then parses the settings. What needs more than the values
 * (the trust store file, the service) runs after it, elsewhere, and only on settings this gave.
 * Each problem goes on its key's ConfigValue.
 */
public final class ConfigValidation {
  private ConfigValidation() {
  }

  /**
   * Adds the cross-field problems to {@code perKey} (the ConfigDef's result for {@code props});
   * returns the settings when no key has a problem, else empty.
   */
  public static Optional<SinkSettings> settings(Map<String, String> props, Config perKey) {
    Map<String, Object> validValues = new HashMap<>();
    for (ConfigValue value : perKey.configValues()) {
      if (value.errorMessages().isEmpty()) {
        validValues.put(value.name(), value.value());
      }
    }
    attach(perKey, CrossFieldRules.check(validValues));
    if (hasErrors(perKey)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MaxComputeSinkConfig(props, false).settings());
    } catch (ConfigException e) {
      // Not expected once every key passed; report it rather than hide it.
      attach(perKey, List.of(new ConfigProblem(MaxComputeSinkConfig.ENDPOINT, e.getMessage())));
      return Optional.empty();
    }
  }

  /** Adds each problem to its key's ConfigValue, adding a ConfigValue for a key {@code config} lacks. */
  public static void attach(Config config, List<ConfigProblem> problems) {
    Map<String, ConfigValue> byName = new HashMap<>();
    for (ConfigValue value : config.configValues()) {
      byName.put(value.name(), value);
    }
    for (ConfigProblem problem : problems) {
      ConfigValue value = byName.get(problem.key());
      if (value == null) {
        value = new ConfigValue(problem.key());
        byName.put(problem.key(), value);
        config.configValues().add(value);
      }
      value.addErrorMessage(problem.message());
    }
  }

  private static boolean hasErrors(Config config) {
    for (ConfigValue value : config.configValues()) {
      if (!value.errorMessages().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
