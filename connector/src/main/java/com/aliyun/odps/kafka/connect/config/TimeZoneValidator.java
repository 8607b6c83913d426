package com.aliyun.odps.kafka.connect.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts an empty value (the worker JVM's zone) or a {@link ZoneId}: a region such as
 * {@code Asia/Shanghai}, {@code UTC}, or an offset such as {@code +08:00} / {@code GMT+8}.
 * Three-letter abbreviations are refused on purpose: {@code CST} means China Standard Time to
 * most users of this connector but US Central Time to Java.
 */
final class TimeZoneValidator implements ConfigDef.Validator {
  @Override
  public void ensureValid(String name, Object value) {
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      return;
    }
    try {
      ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new ConfigException(name, value,
          "not a time zone; use a region ID such as Asia/Shanghai or an offset such as +08:00");
    }
  }

  /** The zone {@code value} names, or the JVM's default zone when it is empty. */
  static ZoneId zoneOf(String value) {
    String text = value == null ? "" : value.trim();
    return text.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(text);
  }

  @Override
  public String toString() {
    return "empty (the worker's zone) or a zone ID such as Asia/Shanghai, UTC, +08:00";
  }
}
