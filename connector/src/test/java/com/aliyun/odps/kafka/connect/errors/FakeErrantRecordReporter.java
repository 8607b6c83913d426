package com.aliyun.odps.kafka.connect.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Records what was reported; each report's future is completed by the test, or the reporter
 * refuses like Connect with errors.tolerance=none.
 */
final class FakeErrantRecordReporter implements ErrantRecordReporter {
  final List<SinkRecord> records = new ArrayList<>();
  final List<Throwable> reasons = new ArrayList<>();
  final List<CompletableFuture<Void>> futures = new ArrayList<>();
  private final boolean toleranceNone;

  private FakeErrantRecordReporter(boolean toleranceNone) {
    this.toleranceNone = toleranceNone;
  }

  static FakeErrantRecordReporter toleratingAll() {
    return new FakeErrantRecordReporter(false);
  }

  static FakeErrantRecordReporter toleratingNone() {
    return new FakeErrantRecordReporter(true);
  }

  @Override
  public Future<Void> report(SinkRecord record, Throwable error) {
    records.add(record);
    reasons.add(error);
    if (toleranceNone) {
      throw new ConnectException("Tolerance exceeded in error handler", error);
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    futures.add(future);
    return future;
  }
}
