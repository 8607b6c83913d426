package com.aliyun.odps.kafka.connect.errors;

// placeholder: replaced at merge

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** Placeholder: skip_error or fail; the real class comes from another branch. */
public final class ErrorRouter implements FailedRecordHandler {
  private final boolean skip;

  private ErrorRouter(boolean skip) {
    this.skip = skip;
  }

  public static ErrorRouter create(SinkSettings settings, SinkTaskContext context) {
    return new ErrorRouter(settings.skipError());
  }

  @Override
  public void handle(SinkRecord record, Exception reason) {
    if (!skip) {
      throw new ConnectException(reason.getMessage(), reason);
    }
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
