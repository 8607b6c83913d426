package com.aliyun.odps.kafka.connect.partition;

/**
 * A record whose partition value cannot be made: a missing or unreadable time or field, or a value
 * MaxCompute does not take as a partition value. Says what is wrong in user terms; the caller adds
 * which record it was and routes it as the error settings say.
 */
public class PartitionValueException extends RuntimeException {
  public PartitionValueException(String message) {
    super(message);
  }

  public PartitionValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
