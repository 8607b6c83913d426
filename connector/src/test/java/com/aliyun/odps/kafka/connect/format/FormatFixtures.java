package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.time.ZoneId;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Tables, settings and records for converter tests. */
final class FormatFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private FormatFixtures() {
  }

  static SinkSettings.Builder settings(MessageFormat format, MessageMode mode) {
    return SinkSettings.builder()
        .endpoint("http://localhost/api").project("project_name").table("t")
        .format(format).mode(mode).timeZone(SHANGHAI);
  }

  /** A table with the meta columns first, then the given columns, partitioned by pt. */
  static TableSchema table(Column... dataColumns) {
    TableSchema schema = metaOnly();
    for (Column c : dataColumns) {
      schema.addColumn(c);
    }
    return schema;
  }

  static TableSchema metaOnly() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("topic", OdpsType.STRING));
    schema.addColumn(new Column("partition", OdpsType.BIGINT));
    schema.addColumn(new Column("offset", OdpsType.BIGINT));
    schema.addPartitionColumn(new Column("pt", OdpsType.STRING));
    return schema;
  }

  static Column col(String name, OdpsType type) {
    return new Column(name, type);
  }

  static Column col(String name, TypeInfo type) {
    return new Column(name, type);
  }

  static Column string(String name) {
    return col(name, TypeInfoFactory.STRING);
  }

  static SinkRecord record(String topic, int partition, long offset, Object key, Object value) {
    return new SinkRecord(topic, partition, Schema.OPTIONAL_STRING_SCHEMA, key, Schema.OPTIONAL_STRING_SCHEMA,
        value, offset, 1_689_254_000_000L, TimestampType.CREATE_TIME);
  }

  static SinkRecord record(Object key, Object value) {
    return record("topic_test", 0, 0, key, value);
  }

  static SinkRecord withValue(Schema valueSchema, Object value) {
    return new SinkRecord("topic_test", 0, null, null, valueSchema, value, 7, 1_689_254_000_000L,
        TimestampType.CREATE_TIME);
  }

  static ArrayRecord convert(SinkSettings settings, TableSchema schema, SinkRecord record) {
    ArrayRecord row = new ArrayRecord(schema);
    RecordConverters.create(settings, schema).convert(record, row);
    return row;
  }
}
