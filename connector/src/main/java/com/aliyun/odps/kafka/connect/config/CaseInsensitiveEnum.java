package com.aliyun.odps.kafka.connect.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validator and recommender for a STRING key that names an enum constant in any letter case
 * ({@code text}, {@code Text}, {@code TEXT}): the incumbent was case-sensitive, which users hit.
 */
final class CaseInsensitiveEnum<E extends Enum<E>> implements ConfigDef.Validator, ConfigDef.Recommender {
  private final Class<E> type;
  private final List<Object> names;

  private CaseInsensitiveEnum(Class<E> type) {
    this.type = type;
    this.names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
  }

  static <E extends Enum<E>> CaseInsensitiveEnum<E> of(Class<E> type) {
    return new CaseInsensitiveEnum<>(type);
  }

  /** The constant {@code text} names; call only on a value this validator accepted. */
  E parse(String text) {
    return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (!(value instanceof String) || !names.contains(((String) value).trim().toUpperCase(Locale.ROOT))) {
      throw new ConfigException(name, value, "must be one of " + this);
    }
  }

  @Override
  public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
    return new ArrayList<>(names);
  }

  @Override
  public boolean visible(String name, Map<String, Object> parsedConfig) {
    return true;
  }

  @Override
  public String toString() {
    return names.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (any letter case)";
  }
}
