package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;

/** Write metrics that keep the totals and the last gauge values they were given. */
final class RecordingMetrics implements WriteMetrics {
  long received;
  long routed;
  long rowsWritten;
  long writes;
  long transientFailures;
  long fatalFailures;
  long retries;
  long heldRows = -1;
  long heldBytes = -1;
  long oldestRowAtMs;
  long commitLag = -1;
  int receivedCalls;
  boolean closed;

  @Override
  public void received(int records) {
    received += records;
    receivedCalls++;
  }

  @Override
  public void routed(int records) {
    routed += records;
  }

  @Override
  public void written(String table, int rows, long latencyMs) {
    rowsWritten += rows;
    writes++;
  }

  @Override
  public void failedTransiently() {
    transientFailures++;
  }

  @Override
  public void failedFatally() {
    fatalFailures++;
  }

  @Override
  public void retried(int writes) {
    retries += writes;
  }

  @Override
  public void held(long rows, long bytes, long oldestRowAtMs) {
    this.heldRows = rows;
    this.heldBytes = bytes;
    this.oldestRowAtMs = oldestRowAtMs;
  }

  @Override
  public void commitLag(long records) {
    this.commitLag = records;
  }

  @Override
  public void close() {
    closed = true;
  }
}
