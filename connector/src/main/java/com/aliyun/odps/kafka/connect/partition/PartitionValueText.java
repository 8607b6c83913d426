package com.aliyun.odps.kafka.connect.partition;

import java.math.BigDecimal;

/** What text a field value gives as a partition value, and what a partition value may not hold. */
final class PartitionValueText {
  /** MaxCompute's longest partition value. */
  static final int MAX_LENGTH = 128;
  /** Characters that would break a partition spec such as {@code ds='a',hh='b'} or the path {@code ds=a/hh=b}. */
  private static final String FORBIDDEN = "/=,'\"`";

  private PartitionValueText() {
  }

  /** Text as it is, numbers as decimal text (never 1.0E20), booleans true/false; null for anything else. */
  static String ofScalar(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Number) {
      try {
        return new BigDecimal(value.toString()).toPlainString();
      } catch (NumberFormatException e) {
        return null; // NaN or infinity: no partition value
      }
    }
    return null;
  }

  /** Why {@code text} cannot be a partition value, in user terms; null when it can be one. */
  static String problem(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0) {
        return "it contains " + (c == '\'' ? "\"'\"" : "'" + c + "'");
      }
      if (Character.isISOControl(c)) {
        return "it contains a control character";
      }
    }
    return null;
  }
}
