package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/** A failed-record handler that keeps what it was given; its flush can be told to fail. */
final class RecordingHandler implements FailedRecordHandler {
  final List<SinkRecord> records = new ArrayList<>();
  final List<Exception> reasons = new ArrayList<>();
  int flushes;
  boolean failFlush;
  boolean closed;

  @Override
  public void handle(SinkRecord record, Exception reason) {
    records.add(record);
    reasons.add(reason);
  }

  @Override
  public void flush() {
    if (failFlush) {
      throw new IllegalStateException("error topic unreachable");
    }
    flushes++;
  }

  @Override
  public void close() {
    closed = true;
  }
}
