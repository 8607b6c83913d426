package com.aliyun.odps.kafka.connect.validation;

import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.ConfigValidation;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.tls.TrustStores;
import com.aliyun.odps.kafka.connect.tls.UnusableTrustStoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;

/**
 * What {@code Connector.validate()} adds to the per-key checks of the {@code ConfigDef}: the checks
 * on values ({@link ConfigValidation}), the trust store (readable, right password), then (only when
 * nothing else is wrong, so a user isn't told "table missing" because of a typo in the endpoint) the
 * live check. Each problem goes on its key's ConfigValue.
 */
public final class LiveValidation {
  private final LiveCheck liveCheck;

  public LiveValidation(LiveCheck liveCheck) {
    this.liveCheck = liveCheck;
  }

  /** Adds problems to {@code perKey} (the ConfigDef's result for {@code props}) and returns it. */
  public Config complete(Map<String, String> props, Config perKey) {
    Optional<SinkSettings> settings = ConfigValidation.settings(props, perKey);
    if (settings.isEmpty()) {
      return perKey;
    }
    if (settings.get().trustStore().isConfigured()) {
      try {
        TrustStores.socketFactory(settings.get().trustStore());
      } catch (UnusableTrustStoreException e) {
        ConfigValidation.attach(perKey, List.of(new ConfigProblem(e.configKey(), e.getMessage())));
        return perKey;
      }
    }
    ConfigValidation.attach(perKey, liveCheck.check(settings.get()));
    return perKey;
  }
}
