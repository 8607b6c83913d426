package com.aliyun.odps.kafka.connect.config;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Tells UIs (through {@code /config/validate}) to show a key only when another key has a given
 * value, e.g. the STS keys only for {@code account_type=STS}. Visibility never changes validation.
 */
final class VisibleWhen implements ConfigDef.Recommender {
  private final String parent;
  private final String expected;

  private VisibleWhen(String parent, String expected) {
    this.parent = parent;
    this.expected = expected;
  }

  static VisibleWhen keyEquals(String parent, String expected) {
    return new VisibleWhen(parent, expected);
  }

  @Override
  public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
    return List.of();
  }

  @Override
  public boolean visible(String name, Map<String, Object> parsedConfig) {
    Object value = parsedConfig.get(parent);
    return value != null && expected.equalsIgnoreCase(value.toString().trim());
  }
}
