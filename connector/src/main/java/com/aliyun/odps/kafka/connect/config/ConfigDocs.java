package com.aliyun.odps.kafka.connect.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** Renders a {@link ConfigDef} as Markdown tables, one per group, so docs are never hand-copied. */
final class ConfigDocs {
  private ConfigDocs() {
  }

  static String markdown(ConfigDef def) {
    StringBuilder out = new StringBuilder();
    for (String group : def.groups()) {
      List<ConfigDef.ConfigKey> keys = new ArrayList<>();
      for (ConfigDef.ConfigKey key : def.configKeys().values()) {
        if (group.equals(key.group)) {
          keys.add(key);
        }
      }
      keys.sort(Comparator.comparingInt(k -> k.orderInGroup));
      out.append("## ").append(group).append("\n\n");
      out.append("| Key | Type | Default | Valid values | Importance | Description |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (ConfigDef.ConfigKey key : keys) {
        out.append("| `").append(key.name).append("` | ")
            .append(key.type.toString().toLowerCase(Locale.ROOT)).append(" | ")
            .append(cell(defaultOf(key))).append(" | ")
            .append(cell(key.validator == null ? "" : key.validator.toString())).append(" | ")
            .append(key.importance.toString().toLowerCase(Locale.ROOT)).append(" | ")
            .append(cell(key.documentation)).append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String defaultOf(ConfigDef.ConfigKey key) {
    if (!key.hasDefault()) {
      return "(required)";
    }
    if (key.defaultValue == null) {
      return "(none)";
    }
    // A PASSWORD default prints as [hidden]; defaults are public, show them.
    String text = key.defaultValue instanceof Password
        ? ((Password) key.defaultValue).value()
        : ConfigDef.convertToString(key.defaultValue, key.type);
    return text.isEmpty() ? "\"\"" : "`" + text + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
