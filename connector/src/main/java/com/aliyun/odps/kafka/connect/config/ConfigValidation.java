package com.aliyun.odps.kafka.connect.config;

import com.aliyun.odps.kafka.connect.tls.TrustStores;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * What {@code Connector.validate()} adds to the per-key checks of the {@code ConfigDef}: the
 * cross-field rules, the trust store (readable, right password), then (only when nothing else is
 * wrong, so a user isn't told "table missing" because of a typo in the endpoint) the live check.
 * Each problem goes on its key's ConfigValue.
 */
public final class ConfigValidation {
  private final LiveCheck liveCheck;

  public ConfigValidation(LiveCheck liveCheck) {
    this.liveCheck = liveCheck;
  }

  /** Adds problems to {@code perKey} (the ConfigDef's result for {@code props}) and returns it. */
  public Config complete(Map<String, String> props, Config perKey) {
    Map<String, ConfigValue> byName = new HashMap<>();
    Map<String, Object> validValues = new HashMap<>();
    for (ConfigValue value : perKey.configValues()) {
      byName.put(value.name(), value);
      if (value.errorMessages().isEmpty()) {
        validValues.put(value.name(), value.value());
      }
    }
    attach(perKey, byName, CrossFieldRules.check(validValues));
    if (hasErrors(perKey)) {
      return perKey;
    }
    SinkSettings settings;
    try {
      settings = new MaxComputeSinkConfig(props, false).settings();
    } catch (ConfigException e) {
      // Not expected once every key passed; report it rather than hide it.
      attach(perKey, byName, List.of(new ConfigProblem(MaxComputeSinkConfig.ENDPOINT, e.getMessage())));
      return perKey;
    }
    if (settings.trustStore().isConfigured()) {
      try {
        TrustStores.socketFactory(settings.trustStore());
      } catch (UnusableTrustStoreException e) {
        attach(perKey, byName, List.of(new ConfigProblem(e.configKey(), e.getMessage())));
        return perKey;
      }
    }
    attach(perKey, byName, liveCheck.check(settings));
    return perKey;
  }

  private static void attach(Config config, Map<String, ConfigValue> byName, List<ConfigProblem> problems) {
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
