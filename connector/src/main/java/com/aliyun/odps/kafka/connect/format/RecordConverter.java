package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.data.Record;
import org.apache.kafka.connect.sink.SinkRecord;

/** Turns one Kafka record into one table row; one implementation per message format. */
public interface RecordConverter {
  /**
   * Fills {@code row}, a fresh row of the target table with every column null, from
   * {@code record}: the meta columns (topic, partition, offset, and insert_time when the table has
   * it, from the record's original topic/partition/offset) and the format's own columns.
   *
   * @throws RecordConversionException when the record does not fit the table; the message says
   *     why (the caller adds topic, partition and offset)
   */
  void convert(SinkRecord record, Record row);
}
