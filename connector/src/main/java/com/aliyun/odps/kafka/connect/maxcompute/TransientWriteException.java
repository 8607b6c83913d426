package com.aliyun.odps.kafka.connect.maxcompute;

/** A write that failed for a reason that may pass (service 5xx or 429, timeout, dropped connection). */
public class TransientWriteException extends RuntimeException {
  public TransientWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
