package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * No route configured and skip_error=false: the task stops. The exception names the record and the
 * reason; Connect puts it in the task's status trace, where the user sees it.
 */
final class StopTaskRoute implements FailedRecordHandler {
  @Override
  public void handle(SinkRecord record, Exception reason) {
    throw new ConnectException("Cannot write record (" + RecordOrigin.of(record) + ") to MaxCompute: "
        + reason.getMessage() + ". To keep going, set runtime.error.topic.name and"
        + " runtime.error.topic.bootstrap.servers, or errors.tolerance=all with"
        + " errors.deadletterqueue.topic.name, or skip_error=true", reason);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
