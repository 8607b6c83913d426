package com.aliyun.odps.kafka.connect.format;

/** A record that cannot become a row of the table: bad input, never a transient failure. */
public class RecordConversionException extends RuntimeException {
  public RecordConversionException(String message) {
    super(message);
  }

  public RecordConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
