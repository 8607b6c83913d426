package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * skip_error=true without an error topic: the record is dropped. The document says "silently";
 * we log one WARN line per record, the only trace left of it.
 */
final class SkipRoute implements FailedRecordHandler {
  private final Logger log;

  SkipRoute() {
    this(LoggerFactory.getLogger(SkipRoute.class));
  }

  /** With the logger of the tests' choosing: the log line is this route's whole behaviour. */
  SkipRoute(Logger log) {
    this.log = log;
  }

  @Override
  public void handle(SinkRecord record, Exception reason) {
    log.warn("Skipping record ({}) that cannot be written (skip_error=true): {}",
        RecordOrigin.of(record), reason.toString());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
