package com.aliyun.odps.kafka.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * One character that can separate CSV fields. Kafka trims STRING values before validators see
 * them, so a tab cannot be given literally: the two characters {@code \t} stand for it.
 */
final class CsvDelimiterValidator implements ConfigDef.Validator {
  static final String TAB_ESCAPE = "\\t";

  @Override
  public void ensureValid(String name, Object value) {
    String text = value == null ? "" : value.toString();
    if (TAB_ESCAPE.equals(text)) {
      return;
    }
    if (text.length() != 1) {
      throw new ConfigException(name, value, "must be exactly one character (write a tab as \\t)");
    }
    char c = text.charAt(0);
    if (c == '"' || c == '\r' || c == '\n') {
      throw new ConfigException(name, value, "the quote character and line breaks cannot separate fields");
    }
  }

  /** The delimiter {@code value} (already validated) stands for. */
  static char delimiterOf(String value) {
    return TAB_ESCAPE.equals(value) ? '\t' : value.charAt(0);
  }

  @Override
  public String toString() {
    return "one character other than '\"' (\\t for a tab)";
  }
}
