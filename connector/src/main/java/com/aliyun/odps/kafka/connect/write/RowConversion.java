package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.format.UpsertRecordConverter;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.RowValues;
import com.aliyun.odps.kafka.connect.partition.PartitionValueException;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Instant;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record into the values of a row of one table and the partition it goes to, or, when it
 * does not fit, hands it to the failed-record route the configuration chose (error topic,
 * dead-letter queue, skip, or stop). The route is the task's, shared by its tables.
 */
final class RowConversion {
  /** One record converted into again and again; buffers keep copies of its values. */
  private final RowValues row;
  private final RowFiller filler;
  private final TablePartitions partitions;
  private final FailedRecordHandler failedRecords;
  private final String tableName;

  /** Fills a blank row from a record; true when the record deletes its key rather than adding a row. */
  @FunctionalInterface
  interface RowFiller {
    boolean fill(SinkRecord record, Record row);
  }

  /** write.mode APPEND: every record is a row. */
  RowConversion(MaxComputeTable table, RecordConverter converter, TablePartitions partitions,
      FailedRecordHandler failedRecords) {
    this(table, (record, row) -> {
      converter.convert(record, row);
      return false;
    }, partitions, failedRecords);
  }

  /** write.mode UPSERT: a record upserts its row or deletes its key. */
  RowConversion(MaxComputeTable table, UpsertRecordConverter converter, TablePartitions partitions,
      FailedRecordHandler failedRecords) {
    this(table, (RowFiller) converter::convert, partitions, failedRecords);
  }

  private RowConversion(MaxComputeTable table, RowFiller filler, TablePartitions partitions,
      FailedRecordHandler failedRecords) {
    this.row = new RowValues(table.newRow());
    this.filler = filler;
    this.partitions = partitions;
    this.failedRecords = failedRecords;
    this.tableName = table.name();
  }

  /**
   * The row's values (or the key it deletes) and its partition at {@code now}, or null when the
   * record went to the failed-record route.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the route stops the task
   */
  Change convertOrRoute(SinkRecord record, RecordOrigin origin, Instant now) {
    try {
      String partition = partitions.partitionOf(record, now);
      boolean deletes = filler.fill(record, row.blank());
      return deletes ? Change.delete(row.values(), partition) : Change.row(row.values(), partition);
    } catch (RecordConversionException | PartitionValueException e) {
      failedRecords.handle(record, new RecordConversionException(
          "Record at topic " + origin.topic() + " partition " + origin.partition() + " offset " + origin.offset()
              + " does not fit table " + tableName + ": " + e.getMessage(), e));
      return null;
    }
  }

  /** Windows of the table's partitions: when a buffer opened at {@code now} can take no more rows. */
  Instant windowEnd(Instant now) {
    return partitions.windowEnd(now);
  }
}
