package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.config.CdcFormat;
import com.aliyun.odps.kafka.connect.config.PrimaryKeySource;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * write.mode UPSERT: what a record does to the row of its primary key. A tombstone (null value)
 * deletes the key the Kafka key holds; with cdc.format DEBEZIUM a change event upserts its row
 * image or deletes its key; anything else upserts the row the format converts. With pk.source KEY
 * the key columns come from the Kafka key. Every row leaves with its whole key, or the record
 * fails (and goes where the error settings say).
 */
public final class UpsertRecordConverter {
  private final TableColumns columns;
  private final RecordConverter format;
  private final FlattenRecordConverter flatten;
  private final DebeziumChanges debezium;
  private final KeyColumns key;
  private final boolean keyFromKafkaKey;

  UpsertRecordConverter(SinkSettings settings, TableColumns columns, RecordConverter format, KeyColumns key) {
    this.columns = columns;
    this.format = format;
    this.debezium = settings.cdcFormat() == CdcFormat.DEBEZIUM ? new DebeziumChanges(columns) : null;
    this.flatten = format instanceof FlattenRecordConverter ? (FlattenRecordConverter) format : null;
    if (debezium != null && flatten == null) {
      throw new IllegalArgumentException("cdc.format DEBEZIUM needs format FLATTEN");
    }
    this.key = key;
    this.keyFromKafkaKey = settings.primaryKeySource() == PrimaryKeySource.KEY;
  }

  /**
   * Fills {@code row} (every column null) with the record's row, or with the key it deletes.
   *
   * @return true when the record deletes its key
   * @throws RecordConversionException when the record does not fit the table or lacks its key
   */
  public boolean convert(SinkRecord record, Record row) {
    boolean deletes;
    if (record.value() == null) {
      columns.clear(row);
      key.fillFromKafkaKey(record, row);
      deletes = true;
    } else if (debezium != null) {
      DebeziumChanges.Event event = debezium.read(TopLevelFields.of(record.value(), record.valueSchema(), "message value"));
      deletes = event.deletes;
      if (event.fields == null) {
        columns.clear(row);
        key.fillFromKafkaKey(record, row);
      } else {
        flatten.convert(record, event.fields, row);
      }
    } else {
      format.convert(record, row);
      deletes = false;
    }
    if (keyFromKafkaKey && record.key() != null) {
      key.fillFromKafkaKey(record, row);
    }
    key.requireAll(row);
    return deletes;
  }
}
