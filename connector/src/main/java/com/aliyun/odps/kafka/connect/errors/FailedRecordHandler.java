package com.aliyun.odps.kafka.connect.errors;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record goes when it cannot become a row (bad input, never a transient failure): the
 * error topic, Connect's dead-letter queue, nowhere (skip_error), or a task failure — as the
 * configuration says. Implementations: {@link ErrorRouter}.
 */
public interface FailedRecordHandler extends AutoCloseable {
  /**
   * Routes {@code record}; returns when it is routed or deliberately skipped.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the configuration asks the task
   *     to stop; the message names the record (topic, partition, offset) and the reason
   */
  void handle(SinkRecord record, Exception reason);

  /** Makes every routed record durable; called before offsets are committed. */
  void flush();

  @Override
  void close();
}
