package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes the meta columns every format shares: {@code topic}, {@code partition}, {@code offset}
 * from the record's {@link RecordOrigin} (so an SMT that renames the topic does not change what
 * is recorded, and the offset written is the one committed), and {@code insert_time} (the record
 * timestamp) only when the table has it.
 */
final class MetaColumns {
  static final String TOPIC = "topic";
  static final String PARTITION = "partition";
  static final String OFFSET = "offset";
  static final String INSERT_TIME = "insert_time";
  /** Names a message may never write through FLATTEN, nor CSV fields map onto. */
  static final List<String> NAMES =
      Collections.unmodifiableList(Arrays.asList(TOPIC, PARTITION, OFFSET, INSERT_TIME));

  private final int topicIndex;
  private final int partitionIndex;
  private final int offsetIndex;
  private final int insertTimeIndex;
  private final OdpsType insertTimeType;
  private final ZoneId zone;

  MetaColumns(TableColumns columns, ZoneId zone) {
    this.topicIndex = columns.indexOf(TOPIC);
    this.partitionIndex = columns.indexOf(PARTITION);
    this.offsetIndex = columns.indexOf(OFFSET);
    this.insertTimeIndex = columns.indexOf(INSERT_TIME);
    this.insertTimeType = insertTimeIndex < 0 ? null : columns.get(insertTimeIndex).getTypeInfo().getOdpsType();
    this.zone = zone;
  }

  static boolean isMeta(String name) {
    for (String meta : NAMES) {
      if (meta.equalsIgnoreCase(name)) { // no lower-case copy of every field name of every record
        return true;
      }
    }
    return false;
  }

  static boolean isMeta(Column column) {
    return isMeta(column.getName());
  }

  void write(SinkRecord record, Record row) {
    RecordOrigin origin = RecordOrigin.of(record);
    if (topicIndex >= 0) {
      row.set(topicIndex, origin.topic());
    }
    if (partitionIndex >= 0) {
      row.set(partitionIndex, (long) origin.partition());
    }
    if (offsetIndex >= 0) {
      row.set(offsetIndex, origin.offset());
    }
    if (insertTimeIndex >= 0) {
      row.set(insertTimeIndex, insertTime(record.timestamp()));
    }
  }

  private Object insertTime(Long timestamp) {
    if (timestamp == null) {
      return null;
    }
    switch (insertTimeType) {
      case DATETIME:
        return Instant.ofEpochMilli(timestamp).atZone(zone);
      case TIMESTAMP:
        return Instant.ofEpochMilli(timestamp);
      default:
        // BIGINT, the incumbent's type; TableRequirements rejects any other type up front.
        return timestamp;
    }
  }
}
