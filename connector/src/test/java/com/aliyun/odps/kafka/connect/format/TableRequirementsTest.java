package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.col;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.metaOnly;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.string;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.PartitionRules;
import com.aliyun.odps.kafka.connect.config.PartitionTimeSource;
import com.aliyun.odps.kafka.connect.config.TimeFieldFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class TableRequirementsTest {
  private static List<String> problems(MessageFormat format, MessageMode mode, TableSchema schema) {
    return TableRequirements.problems(settings(format, mode).build(), schema);
  }

  @Test
  void documentTablesFitTheirFormats() {
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, table(string("key"), string("value")))).isEmpty();
    assertThat(problems(MessageFormat.CSV, MessageMode.VALUE,
        table(col("id", OdpsType.BIGINT), string("name"), string("region")))).isEmpty();
    assertThat(problems(MessageFormat.JSON, MessageMode.VALUE, table(string("key"), col("value", OdpsType.JSON))))
        .isEmpty();
    assertThat(problems(MessageFormat.FLATTEN, MessageMode.VALUE,
        table(col("id", OdpsType.BIGINT), string("name"), col("extendinfo", OdpsType.JSON)))).isEmpty();
  }

  @Test
  void missingOrMistypedMetaColumnsAreReported() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("topic", OdpsType.BIGINT));
    schema.addColumn(new Column("value", OdpsType.STRING));

    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, schema)).containsExactly(
        "column `topic` is BIGINT; it must be STRING",
        "missing column `partition` BIGINT",
        "missing column `offset` BIGINT");
  }

  @Test
  void insertTimeIsOptionalButTyped() {
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE,
        table(string("value"), col("insert_time", OdpsType.TIMESTAMP)))).isEmpty();
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE,
        table(string("value"), col("insert_time", OdpsType.STRING))))
        .containsExactly("column `insert_time` is STRING; it must be BIGINT or DATETIME or TIMESTAMP");
  }

  @Test
  void textNeedsStringColumnsPerMode() {
    assertThat(problems(MessageFormat.TEXT, MessageMode.KEY, table(string("value"))))
        .containsExactly("missing column `key` STRING");
    assertThat(problems(MessageFormat.TEXT, MessageMode.DEFAULT, table(string("key"), col("value", OdpsType.BINARY))))
        .containsExactly("column `value` is BINARY; it must be STRING");
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, table(string("value")))).isEmpty();
  }

  @Test
  void binaryNeedsBinaryColumns() {
    assertThat(problems(MessageFormat.BINARY, MessageMode.DEFAULT,
        table(col("key", OdpsType.BINARY), col("value", OdpsType.BINARY)))).isEmpty();
    assertThat(problems(MessageFormat.BINARY, MessageMode.VALUE, table(string("value"))))
        .containsExactly("column `value` is STRING; it must be BINARY");
  }

  @Test
  void jsonTakesStringOrJsonColumns() {
    assertThat(problems(MessageFormat.JSON, MessageMode.VALUE, table(string("value")))).isEmpty();
    assertThat(problems(MessageFormat.JSON, MessageMode.KEY, table(col("key", OdpsType.BIGINT))))
        .containsExactly("column `key` is BIGINT; it must be STRING or JSON");
  }

  @Test
  void csvAndFlattenNeedADataColumn() {
    assertThat(problems(MessageFormat.CSV, MessageMode.VALUE, metaOnly()))
        .containsExactly("CSV needs at least one column besides topic, partition, offset and insert_time");
    assertThat(problems(MessageFormat.FLATTEN, MessageMode.VALUE, metaOnly()))
        .containsExactly("FLATTEN needs at least one column besides topic, partition, offset and insert_time");
  }

  @Test
  void csvReportsColumnTypesItCannotWrite() {
    assertThat(problems(MessageFormat.CSV, MessageMode.VALUE,
        table(col("id", OdpsType.BIGINT), col("span", TypeInfoFactory.INTERVAL_DAY_TIME))))
        .containsExactly("column `span` is INTERVAL_DAY_TIME, a type CSV fields cannot be written into");
  }

  @Test
  void partitionColumnsMustBeTheTablesInItsOrderAndOfATextOrWholeNumberType() {
    TableSchema byDayAndHour = new TableSchema();
    for (Column c : table(string("value")).getColumns()) {
      byDayAndHour.addColumn(c);
    }
    byDayAndHour.addPartitionColumn(new Column("ds", OdpsType.STRING));
    byDayAndHour.addPartitionColumn(new Column("HH", OdpsType.BIGINT));
    PartitionRules dayAndHour = rules("ds=time:yyyyMMdd,hh=time:HH");
    PartitionRules hourAndDay = rules("hh=time:HH,ds=time:yyyyMMdd");

    assertThat(TableRequirements.problems(settings(MessageFormat.TEXT, MessageMode.VALUE).partitionRules(dayAndHour)
        .build(), byDayAndHour)).isEmpty();
    assertThat(TableRequirements.problems(settings(MessageFormat.TEXT, MessageMode.VALUE).partitionRules(hourAndDay)
        .build(), byDayAndHour)).containsExactly("the table is partitioned by (ds, HH); partition.columns fills"
            + " (hh, ds): give the table's partition columns, in its order");

    TableSchema byDoubleDay = new TableSchema();
    for (Column c : table(string("value")).getColumns()) {
      byDoubleDay.addColumn(c);
    }
    byDoubleDay.addPartitionColumn(new Column("ds", OdpsType.DOUBLE));
    assertThat(TableRequirements.problems(settings(MessageFormat.TEXT, MessageMode.VALUE)
        .partitionRules(rules("ds=time:yyyyMMdd")).build(), byDoubleDay))
        .containsExactly("partition column `ds` is DOUBLE; the connector fills STRING or VARCHAR or CHAR or BIGINT"
            + " or INT or SMALLINT or TINYINT partition columns");
  }

  private static PartitionRules rules(String columns) {
    return new PartitionRules(PartitionTimeSource.FLUSH_TIME, "", TimeFieldFormat.parse(""),
        PartitionColumnRule.parseList(columns));
  }

  @Test
  void partitioningMustBePtStringOrNone() {
    TableSchema unpartitioned = new TableSchema();
    unpartitioned.addColumn(new Column("topic", OdpsType.STRING));
    unpartitioned.addColumn(new Column("partition", OdpsType.BIGINT));
    unpartitioned.addColumn(new Column("offset", OdpsType.BIGINT));
    unpartitioned.addColumn(new Column("value", OdpsType.STRING));
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, unpartitioned)).isEmpty();

    TableSchema twoPartitions = table(string("value"));
    twoPartitions.addPartitionColumn(new Column("region", OdpsType.STRING));
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, twoPartitions))
        .containsExactly("the table is partitioned by (pt, region); without partition.columns the connector fills"
            + " only a single partition column `pt` STRING (or none)");

    TableSchema bigintPt = new TableSchema();
    for (Column c : table(string("value")).getColumns()) {
      bigintPt.addColumn(c);
    }
    bigintPt.addPartitionColumn(new Column("pt", OdpsType.BIGINT));
    assertThat(problems(MessageFormat.TEXT, MessageMode.VALUE, bigintPt))
        .containsExactly("partition column `pt` is BIGINT; it must be STRING");
  }

  @Test
  void creatingAConverterForAnUnfitTableFailsListingTheProblems() {
    assertThatThrownBy(() -> RecordConverters.create(settings(MessageFormat.TEXT, MessageMode.DEFAULT).build(),
        table(string("value"))))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("does not fit format TEXT with mode DEFAULT")
        .hasMessageContaining("missing column `key` STRING");
  }
}
