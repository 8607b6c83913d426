package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.convert;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.record.RegexRouterRename;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class MetaColumnsTest {
  private static final long TIMESTAMP = 1_689_254_000_000L;
  private static final SinkSettings TEXT_VALUE = settings(MessageFormat.TEXT, MessageMode.VALUE).build();

  private static SinkRecord original() {
    return new SinkRecord("orders", 3, null, null, Schema.STRING_SCHEMA, "v", 42L, TIMESTAMP,
        TimestampType.CREATE_TIME);
  }

  @Test
  void afterAnSmtRenamesTheTopicTheOriginalCoordinatesAreWritten() {
    SinkRecord renamed = original().newRecord("renamed_by_smt", 9, null, null, Schema.STRING_SCHEMA, "v", TIMESTAMP);
    assertThat(renamed.topic()).isEqualTo("renamed_by_smt");

    ArrayRecord row = convert(TEXT_VALUE, table(string("value")), renamed);

    assertThat(row.getString("topic")).isEqualTo("orders");
    assertThat(row.getBigint("partition")).isEqualTo(3L);
    assertThat(row.getBigint("offset")).isEqualTo(42L);
  }

  @Test
  void afterRegexRouterRenamesTheTopicTheOriginalTopicAndOffsetAreWritten() {
    SinkRecord renamed = RegexRouterRename.withPrefix("renamed_", original());

    ArrayRecord row = convert(TEXT_VALUE, table(string("value")), renamed);

    assertThat(row.toArray()).containsExactly("orders", 3L, 42L, "v");
  }

  @Test
  void insertTimeIsNotRequiredAndNotWrittenWhenAbsent() {
    TableSchema schema = table(string("value"));

    ArrayRecord row = convert(TEXT_VALUE, schema, original());

    assertThat(row.getColumnCount()).isEqualTo(4);
    assertThat(row.toArray()).containsExactly("orders", 3L, 42L, "v");
  }

  @Test
  void insertTimeBigintIsEpochMillis() {
    ArrayRecord row = convert(TEXT_VALUE, table(string("value"), col("insert_time", OdpsType.BIGINT)), original());

    assertThat(row.getBigint("insert_time")).isEqualTo(TIMESTAMP);
  }

  @Test
  void insertTimeDatetimeIsInTheConfiguredZone() {
    ArrayRecord row = convert(TEXT_VALUE, table(string("value"), col("INSERT_TIME", OdpsType.DATETIME)), original());

    ZonedDateTime value = row.getDatetimeAsZonedDateTime("insert_time");
    assertThat(value.toInstant()).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
    assertThat(value.getZone()).isEqualTo(FormatFixtures.SHANGHAI);
  }

  @Test
  void insertTimeTimestampIsTheInstant() {
    ArrayRecord row = convert(TEXT_VALUE, table(string("value"), col("insert_time", OdpsType.TIMESTAMP)), original());

    assertThat(row.getTimestampAsInstant("insert_time")).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
  }

  @Test
  void recordWithoutTimestampLeavesInsertTimeNull() {
    SinkRecord noTimestamp = new SinkRecord("orders", 3, null, null, Schema.STRING_SCHEMA, "v", 42L);

    ArrayRecord row = convert(TEXT_VALUE, table(string("value"), col("insert_time", OdpsType.BIGINT)), noTimestamp);

    assertThat(row.get("insert_time")).isNull();
    assertThat(row.getBigint("offset")).isEqualTo(42L);
  }

  @Test
  void metaColumnNamesMatchCaseInsensitively() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("TOPIC", OdpsType.STRING));
    schema.addColumn(new Column("Partition", OdpsType.BIGINT));
    schema.addColumn(new Column("OffSet", OdpsType.BIGINT));
    schema.addColumn(new Column("Value", OdpsType.STRING));

    ArrayRecord row = convert(TEXT_VALUE, schema, original());

    assertThat(row.toArray()).containsExactly("orders", 3L, 42L, "v");
  }
}
