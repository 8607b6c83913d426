package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.format.UpsertRecordConverter;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.RowValues;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record into the values of a row of the table, or, when it does not fit, hands it to the
 * failed-record route the configuration chose (error topic, dead-letter queue, skip, or stop).
 */
final class RowConversion implements AutoCloseable {
  /** One record converted into again and again; buffers keep copies of its values. */
  private final RowValues row;
  private final RowFiller filler;
  private final FailedRecordHandler failedRecords;
  private final String tableName;

  /** Fills a blank row from a record; true when the record deletes its key rather than adding a row. */
  @FunctionalInterface
  interface RowFiller {
    boolean fill(SinkRecord record, Record row);
  }

  /** write.mode APPEND: every record is a row. */
  RowConversion(MaxComputeTable table, RecordConverter converter, FailedRecordHandler failedRecords) {
    this(table, (record, row) -> {
      converter.convert(record, row);
      return false;
    }, failedRecords);
  }

  /** write.mode UPSERT: a record upserts its row or deletes its key. */
  RowConversion(MaxComputeTable table, UpsertRecordConverter converter, FailedRecordHandler failedRecords) {
    this(table, converter::convert, failedRecords);
  }

  private RowConversion(MaxComputeTable table, RowFiller filler, FailedRecordHandler failedRecords) {
    this.row = new RowValues(table.newRow());
    this.filler = filler;
    this.failedRecords = failedRecords;
    this.tableName = table.name();
  }

  /**
   * The row's values (or the key it deletes), or null when the record went to the failed-record route.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the route stops the task
   */
  Change convertOrRoute(SinkRecord record, RecordOrigin origin) {
    try {
      boolean deletes = filler.fill(record, row.blank());
      return deletes ? Change.delete(row.copy()) : Change.row(row.copy());
    } catch (RecordConversionException e) {
      failedRecords.handle(record, new RecordConversionException(
          "Record at topic " + origin.topic() + " partition " + origin.partition() + " offset " + origin.offset()
              + " does not fit table " + tableName + ": " + e.getMessage(), e));
      return null;
    }
  }

  /** Makes every routed record durable. */
  void flushRoute() {
    failedRecords.flush();
  }

  @Override
  public void close() {
    failedRecords.close();
  }
}
