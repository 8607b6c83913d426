package com.aliyun.odps.kafka.connect.format;

import static com.aliyun.odps.kafka.connect.format.FormatFixtures.record;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.settings;
import static com.aliyun.odps.kafka.connect.format.FormatFixtures.withValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.CdcFormat;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.PartitionRules;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TableRouting;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.maxcompute.TableDdl;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables laid out for records fit their format ({@link TableRequirements}) and take what the
 * converters write: checked on the columns, and by creating, filling and reading tables on the
 * local MaxCompute.
 */
class TableLayoutsTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final long MOMENT = 1_689_254_000_000L;
  private static final Schema ROW = SchemaBuilder.struct()
      .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct()
      .field("before", SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
          .field("name", Schema.OPTIONAL_STRING_SCHEMA).optional().build())
      .field("after", SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
          .field("name", Schema.OPTIONAL_STRING_SCHEMA).optional().build())
      .field("op", Schema.STRING_SCHEMA).build();

  private static final Schema EVERY_TYPE = SchemaBuilder.struct()
      .field("c_int8", Schema.INT8_SCHEMA)
      .field("c_int16", Schema.INT16_SCHEMA)
      .field("c_int32", Schema.INT32_SCHEMA)
      .field("c_int64", Schema.INT64_SCHEMA)
      .field("c_float32", Schema.FLOAT32_SCHEMA)
      .field("c_float64", Schema.FLOAT64_SCHEMA)
      .field("c_boolean", Schema.BOOLEAN_SCHEMA)
      .field("c_string", Schema.STRING_SCHEMA)
      .field("c_bytes", Schema.BYTES_SCHEMA)
      .field("c_decimal", Decimal.schema(2))
      .field("c_date", Date.SCHEMA)
      .field("c_timestamp", Timestamp.SCHEMA)
      .field("c_time", Time.SCHEMA)
      .field("c_struct", SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.STRING_SCHEMA).build())
      .field("c_map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
      .field("c_array", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
      .field("c_missing", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  @ParameterizedTest
  @CsvSource({
      "TEXT, DEFAULT, key STRING|value STRING",
      "TEXT, KEY, key STRING",
      "TEXT, VALUE, value STRING",
      "BINARY, DEFAULT, key BINARY|value BINARY",
      "BINARY, KEY, key BINARY",
      "BINARY, VALUE, value BINARY",
      "JSON, DEFAULT, key STRING|value STRING",
      "JSON, KEY, key STRING",
      "JSON, VALUE, value STRING"})
  void keyValueFormatsGetTheMetaColumnsAndTheColumnsOfTheirMode(MessageFormat format, MessageMode mode,
      String columns) {
    SinkSettings settings = settings(format, mode).build();

    TableSchema layout = TableLayouts.forRecord(settings, record("k", "v"));

    List<String> expected = new ArrayList<>(List.of("topic STRING", "partition BIGINT", "offset BIGINT"));
    expected.addAll(List.of(columns.split("\\|")));
    assertThat(described(layout.getColumns())).containsExactlyElementsOf(expected);
    assertThat(described(layout.getPartitionColumns())).containsExactly("pt STRING");
    assertThat(TableRequirements.problems(settings, layout)).isEmpty();
  }

  @Test
  void aStructGetsAColumnOfItsConnectTypeForEveryField() {
    SinkSettings settings = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();

    TableSchema layout = TableLayouts.forRecord(settings, withValue(EVERY_TYPE, everyType()));

    assertThat(described(layout.getColumns())).containsExactly("topic STRING", "partition BIGINT", "offset BIGINT",
        "c_int8 TINYINT", "c_int16 SMALLINT", "c_int32 INT", "c_int64 BIGINT", "c_float32 FLOAT",
        "c_float64 DOUBLE", "c_boolean BOOLEAN", "c_string STRING", "c_bytes BINARY", "c_decimal DECIMAL(38,2)",
        "c_date DATE", "c_timestamp DATETIME", "c_time STRING", "c_struct STRING", "c_map STRING",
        "c_array STRING", "c_missing STRING");
    assertThat(layout.getColumns()).allMatch(Column::isNullable);
    assertThat(TableRequirements.problems(settings, layout)).isEmpty();
  }

  @Test
  void aDecimalWhoseScaleMaxComputeCannotHoldGetsScale18() {
    Schema schema = SchemaBuilder.struct().field("d", Decimal.schema(30)).build();

    TableSchema layout = TableLayouts.forRecord(settings(MessageFormat.FLATTEN, MessageMode.VALUE).build(),
        withValue(schema, new Struct(schema).put("d", BigDecimal.ONE.setScale(30))));

    assertThat(described(layout.getColumns())).contains("d DECIMAL(38,18)");
  }

  @Test
  void aSchemalessMapGetsConservativeTypes() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("n", 1L);
    value.put("i", 2);
    value.put("d", 1.5);
    value.put("b", true);
    value.put("s", "text");
    value.put("o", Map.of("k", 1));
    value.put("a", List.of(1, 2));
    value.put("z", null);

    TableSchema layout = TableLayouts.forRecord(settings(MessageFormat.FLATTEN, MessageMode.VALUE).build(),
        withValue(null, value));

    assertThat(described(dataColumns(layout))).containsExactly("n BIGINT", "i BIGINT", "d DOUBLE", "b BOOLEAN",
        "s STRING", "o STRING", "a STRING", "z STRING");
  }

  @Test
  void jsonTextGetsConservativeTypesAndFieldsNamedLikeMetaColumnsAreLeftOut() {
    TableSchema layout = TableLayouts.forRecord(settings(MessageFormat.FLATTEN, MessageMode.VALUE).build(),
        record(null, "{\"n\":1,\"big\":12345678901234567890,\"d\":1.25,\"b\":false,\"s\":\"x\",\"o\":{\"k\":1},"
            + "\"a\":[1],\"z\":null,\"offset\":9,\"Topic\":\"t\"}"));

    assertThat(described(dataColumns(layout))).containsExactly("n BIGINT", "big BIGINT", "d DOUBLE", "b BOOLEAN",
        "s STRING", "o STRING", "a STRING", "z STRING");
  }

  @Test
  void modeKeyLaysOutTheFieldsOfTheKey() {
    SinkRecord record = new SinkRecord("topic_test", 0, null, "{\"k\":\"a\"}", null, "{\"v\":1}", 0);

    TableSchema layout = TableLayouts.forRecord(settings(MessageFormat.FLATTEN, MessageMode.KEY).build(), record);

    assertThat(described(dataColumns(layout))).containsExactly("k STRING");
  }

  @Test
  void partitionColumnsAreThoseOfPartitionColumnsInTheirOrder() {
    SinkSettings defaults = settings(MessageFormat.TEXT, MessageMode.VALUE).build();
    PartitionRules rules = new PartitionRules(defaults.partitionRules().timeSource(),
        defaults.partitionRules().timeField(), defaults.partitionRules().timeFieldFormat(),
        PartitionColumnRule.parseList("ds=time:yyyyMMdd,region=field:region"));

    TableSchema layout = TableLayouts.forRecord(settings(MessageFormat.TEXT, MessageMode.VALUE)
        .partitionRules(rules).build(), record("k", "v"));

    assertThat(described(layout.getPartitionColumns())).containsExactly("ds STRING", "region STRING");
  }

  @Test
  void upsertPrimaryKeyColumnsAreNotNull() {
    SinkSettings settings = upsert(CdcFormat.NONE, "ID");

    TableSchema layout = TableLayouts.forRecord(settings, withValue(ROW, new Struct(ROW).put("id", 1L)));

    assertThat(layout.getColumn("id").isNullable()).isFalse();
    assertThat(layout.getColumn("name").isNullable()).isTrue();
  }

  @Test
  void aPrimaryKeyColumnTheRecordLacksFailsTheRecordNamingIt() {
    SinkSettings settings = upsert(CdcFormat.NONE, "id", "tenant");

    assertThatThrownBy(() -> TableLayouts.forRecord(settings, withValue(ROW, new Struct(ROW).put("id", 1L))))
        .isInstanceOf(RecordConversionException.class)
        .hasMessageContaining("'tenant'");
  }

  @Test
  void aDebeziumEventLaysOutItsRowImageAfterOrBeforeForADelete() {
    SinkSettings settings = upsert(CdcFormat.DEBEZIUM, "id");
    Struct created = new Struct(ENVELOPE).put("op", "c")
        .put("after", new Struct(ENVELOPE.field("after").schema()).put("id", 1L).put("name", "a"));
    Struct deleted = new Struct(ENVELOPE).put("op", "d")
        .put("before", new Struct(ENVELOPE.field("before").schema()).put("id", 1L));

    for (Struct event : List.of(created, deleted)) {
      TableSchema layout = TableLayouts.forRecord(settings, withValue(ENVELOPE, event));

      assertThat(described(dataColumns(layout))).containsExactly("id BIGINT", "name STRING");
      assertThat(layout.getColumn("id").isNullable()).isFalse();
    }
  }

  @Test
  void aTombstoneOrAValueThatIsNoObjectCannotLayOutAFlattenTable() {
    SinkSettings append = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();

    assertThatThrownBy(() -> TableLayouts.forRecord(append, record("k", null)))
        .isInstanceOf(RecordConversionException.class);
    assertThatThrownBy(() -> TableLayouts.forRecord(append, record("k", "[1, 2]")))
        .isInstanceOf(RecordConversionException.class);
    assertThatThrownBy(() -> TableLayouts.forRecord(upsert(CdcFormat.NONE, "id"), record("k", null)))
        .isInstanceOf(RecordConversionException.class);
  }

  @Test
  void csvHasNoLayoutSinceItsColumnsAreNotInTheRecord() {
    assertThatThrownBy(() -> TableLayouts.forRecord(settings(MessageFormat.CSV, MessageMode.VALUE).build(),
        record("k", "1,2"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newColumnsAreTheFieldsWithoutAColumnComparedIgnoringCase() {
    SinkSettings settings = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();
    TableSchema table = FormatFixtures.table(FormatFixtures.col("ID", OdpsType.BIGINT));

    List<Column> added = TableLayouts.newColumns(settings, table,
        record(null, "{\"id\":1,\"Extra\":\"x\",\"offset\":3,\"more\":2.5}"));

    assertThat(described(added)).containsExactly("Extra STRING", "more DOUBLE");
    assertThat(added).allMatch(Column::isNullable);
    assertThat(TableLayouts.newColumns(settings, table, record(null, "{\"id\":2}"))).isEmpty();
  }

  @Test
  void newColumnsAreNoneForOtherFormatsAndForADeleteByKey() {
    TableSchema table = FormatFixtures.table(FormatFixtures.string("value"));

    assertThat(TableLayouts.newColumns(settings(MessageFormat.TEXT, MessageMode.VALUE).build(), table,
        record(null, "{\"new\":1}"))).isEmpty();
    assertThat(TableLayouts.newColumns(upsert(CdcFormat.NONE, "id"), table, record("{\"id\":1}", null))).isEmpty();
  }

  @Test
  void aTableLaidOutForAStructTakesItsRowThroughTheTunnel() throws Exception {
    SinkSettings settings = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();

    ArrayRecord row = createWriteAndReadBack(settings, withValue(EVERY_TYPE, everyType()));

    assertThat(row.getTinyint("c_int8")).isEqualTo((byte) 1);
    assertThat(row.getSmallint("c_int16")).isEqualTo((short) 2);
    assertThat(row.getInt("c_int32")).isEqualTo(3);
    assertThat(row.getBigint("c_int64")).isEqualTo(4L);
    assertThat(row.getFloat("c_float32")).isEqualTo(1.5f);
    assertThat(row.getDouble("c_float64")).isEqualTo(2.5d);
    assertThat(row.getBoolean("c_boolean")).isTrue();
    assertThat(row.getString("c_string")).isEqualTo("text");
    assertThat(row.getBinary("c_bytes").data()).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
    assertThat(row.getDecimal("c_decimal")).isEqualByComparingTo(new BigDecimal("12.34"));
    assertThat(row.getDateAsLocalDate("c_date")).isEqualTo(LocalDate.of(2023, 7, 13));
    assertThat(row.getDatetimeAsZonedDateTime("c_timestamp").toInstant()).isEqualTo(Instant.ofEpochMilli(MOMENT));
    assertThat(row.getString("c_time")).isEqualTo("01:02:03");
    assertThat(row.getString("c_struct")).isEqualTo("{\"a\":1,\"b\":\"x\"}");
    assertThat(row.getString("c_map")).isEqualTo("{\"k\":7}");
    assertThat(row.getString("c_array")).isEqualTo("[\"p\",\"q\"]");
    assertThat(row.getString("c_missing")).isNull();
  }

  @Test
  void aTableLaidOutForJsonTextTakesItsRowThroughTheTunnel() throws Exception {
    SinkSettings settings = settings(MessageFormat.FLATTEN, MessageMode.VALUE).build();

    ArrayRecord row = createWriteAndReadBack(settings,
        record(null, "{\"n\":-5,\"d\":1.25,\"b\":true,\"s\":\"x\",\"o\":{\"k\":[1,2]},\"a\":[\"p\"],\"z\":null}"));

    assertThat(row.getBigint("n")).isEqualTo(-5L);
    assertThat(row.getDouble("d")).isEqualTo(1.25d);
    assertThat(row.getBoolean("b")).isTrue();
    assertThat(row.getString("s")).isEqualTo("x");
    assertThat(row.getString("o")).isEqualTo("{\"k\":[1,2]}");
    assertThat(row.getString("a")).isEqualTo("[\"p\"]");
    assertThat(row.getString("z")).isNull();
  }

  @Test
  void anUpsertLayoutCreatesADeltaTableKeyedByThePrimaryKey() throws Exception {
    SinkSettings settings = upsert(CdcFormat.NONE, "id");
    Odps odps = LocalMaxComputeAccess.client(MC.service());
    String table = "laid_out_" + TABLES.incrementAndGet();

    new TableDdl(odps, LocalMaxCompute.DEFAULT_PROJECT, null).create(table,
        TableLayouts.forRecord(settings, withValue(ROW, new Struct(ROW).put("id", 1L))), List.of("id"), 0);

    Table created = odps.tables().get(table);
    created.reload();
    assertThat(created.isTransactional()).isTrue();
    assertThat(created.getPrimaryKey()).containsExactly("id");
    assertThat(TableRequirements.problems(settings, created.getSchema())).isEmpty();
  }

  private static Struct everyType() {
    Schema nested = EVERY_TYPE.field("c_struct").schema();
    return new Struct(EVERY_TYPE)
        .put("c_int8", (byte) 1).put("c_int16", (short) 2).put("c_int32", 3).put("c_int64", 4L)
        .put("c_float32", 1.5f).put("c_float64", 2.5d).put("c_boolean", true).put("c_string", "text")
        .put("c_bytes", "raw".getBytes(StandardCharsets.UTF_8)).put("c_decimal", new BigDecimal("12.34"))
        .put("c_date", new java.util.Date(LocalDate.of(2023, 7, 13).toEpochDay() * 86_400_000L))
        .put("c_timestamp", new java.util.Date(MOMENT))
        .put("c_time", new java.util.Date((3600 + 120 + 3) * 1000L))
        .put("c_struct", new Struct(nested).put("a", 1).put("b", "x"))
        .put("c_map", Map.of("k", 7)).put("c_array", List.of("p", "q"));
  }

  private static SinkSettings upsert(CdcFormat cdc, String... primaryKey) {
    return settings(MessageFormat.FLATTEN, MessageMode.VALUE).writeMode(WriteMode.UPSERT).cdcFormat(cdc)
        .tableRouting(new TableRouting("t", Map.of(), true, 0, List.of(primaryKey), false)).build();
  }

  /** Creates the record's table, writes the record with the format's converter, and reads the row back. */
  private static ArrayRecord createWriteAndReadBack(SinkSettings settings, SinkRecord record) throws Exception {
    Odps odps = LocalMaxComputeAccess.client(MC.service());
    String table = "laid_out_" + TABLES.incrementAndGet();
    new TableDdl(odps, LocalMaxCompute.DEFAULT_PROJECT, null).create(table,
        TableLayouts.forRecord(settings, record), List.of(), 0);
    PartitionSpec pt = new PartitionSpec("pt='p1'");
    odps.tables().get(table).createPartition(pt, true);
    TableSchema created = odps.tables().get(table).getSchema();
    TableTunnel tunnel = new TableTunnel(odps);
    TableTunnel.UploadSession session = tunnel.createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, table, pt);
    Record row = session.newRecord();
    RecordConverters.create(settings, created).convert(record, row);

    TunnelRows.upload(session, row);

    List<Record> rows = TunnelRows.download(tunnel, LocalMaxCompute.DEFAULT_PROJECT, table, pt);
    assertThat(rows).hasSize(1);
    return (ArrayRecord) rows.get(0);
  }

  private static List<Column> dataColumns(TableSchema layout) {
    return layout.getColumns().stream().filter(c -> !MetaColumns.isMeta(c)).collect(Collectors.toList());
  }

  /** "name TYPE" of each column, as DDL writes it. */
  private static List<String> described(List<Column> columns) {
    return columns.stream().map(c -> c.getName() + " " + c.getTypeInfo().getTypeName()).collect(Collectors.toList());
  }
}
