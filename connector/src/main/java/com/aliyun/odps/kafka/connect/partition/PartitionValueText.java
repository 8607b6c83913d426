package com.aliyun.odps.kafka.connect.partition;

import java.math.BigDecimal;

/**
 * What text a field value gives as a partition value ({@code PartitionColumnRule.valueProblem} says
 * what a partition value may not hold).
 */
final class PartitionValueText {
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
}
