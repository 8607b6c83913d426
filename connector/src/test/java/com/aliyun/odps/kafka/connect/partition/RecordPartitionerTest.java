package com.aliyun.odps.kafka.connect.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.PartitionRules;
import com.aliyun.odps.kafka.connect.config.PartitionTimeSource;
import com.aliyun.odps.kafka.connect.config.PartitionWindow;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TimeFieldFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordPartitionerTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 2023-07-13 21:13:45.5 in Shanghai: the document's example minute. */
  private static final Instant DOC_MOMENT = Instant.parse("2023-07-13T13:13:45.500Z");
  private static final long DOC_MILLIS = DOC_MOMENT.toEpochMilli();
  /** A moment on another day, for telling the flush time from the record's time. */
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
  private static final Schema ROW = SchemaBuilder.struct()
      .field("created_at", Schema.OPTIONAL_INT64_SCHEMA)
      .field("region", Schema.OPTIONAL_STRING_SCHEMA)
      .build();
  private static final List<String> PT = List.of("pt");

  // ---- the product document's pt of the flush time ----

  @Test
  void flushTimeDefaultIsThePtOfNowAsBefore() {
    SinkSettings settings = settings(SHANGHAI, false, defaults()).build();
    RecordPartitioner partitioner = RecordPartitioner.of(settings, PT);
    PartitionValues values = PartitionValues.of(settings);

    assertThat(partitioner.partitionOf(record(null, "not even json"), DOC_MOMENT)).isEqualTo("07-13-2023 21");
    assertThat(partitioner.partitionOf(record(null, null), DOC_MOMENT)).isEqualTo(values.valueAt(DOC_MOMENT));
    assertThat(partitioner.windowEnd(DOC_MOMENT)).isEqualTo(values.windowEnd(DOC_MOMENT));
    assertThat(partitioner.fromRecord()).isFalse();
  }

  @Test
  void tableWithoutPartitionColumnsHasNoPartition() {
    RecordPartitioner partitioner = RecordPartitioner.of(settings(SHANGHAI, false, kafkaTimestamp()).build(), List.of());

    assertThat(partitioner.partitionOf(record(null, null), DOC_MOMENT)).isNull();
  }

  // ---- the Kafka timestamp ----

  @ParameterizedTest
  @CsvSource({
      "Asia/Shanghai, false, 2023-07-13T15:59:59Z, 07-13-2023 23",
      "Asia/Shanghai, false, 2023-07-13T16:00:00Z, 07-14-2023 00",
      "Asia/Shanghai, false, 2023-07-13T17:30:00Z, 07-14-2023 01",
      "Asia/Shanghai, true, 2023-07-13T15:59:59Z, 2023-07-13 23",
      "Asia/Shanghai, true, 2023-07-13T16:00:00Z, 2023-07-14 00",
      "Asia/Shanghai, true, 2023-07-13T17:30:00Z, 2023-07-14 01",
      "UTC, true, 2023-07-13T15:59:59Z, 2023-07-13 15",
      "UTC, false, 2023-07-14T00:00:00Z, 07-14-2023 00"})
  void kafkaTimestampPicksTheHourAcrossDays(ZoneId zone, boolean newFormat, Instant timestamp, String expected) {
    RecordPartitioner partitioner = RecordPartitioner.of(settings(zone, newFormat, kafkaTimestamp()).build(), PT);

    assertThat(partitioner.partitionOf(record(timestamp.toEpochMilli(), null), NOW)).isEqualTo(expected);
    assertThat(partitioner.fromRecord()).isTrue();
  }

  @Test
  void recordWithoutKafkaTimestampIsRefused() {
    RecordPartitioner partitioner = RecordPartitioner.of(settings(SHANGHAI, true, kafkaTimestamp()).build(), PT);

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, null), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column pt: the record has no Kafka timestamp (null)");
    assertThatThrownBy(() -> partitioner.partitionOf(record(-1L, null), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column pt: the record has no Kafka timestamp (-1)");
  }

  // ---- a time field of the value ----

  static Stream<Arguments> valuesWithTheDocMomentAt() {
    Struct row = new Struct(ROW).put("created_at", DOC_MILLIS);
    Schema envelope = SchemaBuilder.struct().field("after", ROW).build();
    Map<String, Object> map = new HashMap<>();
    map.put("created_at", DOC_MILLIS);
    String json = "{\"created_at\": " + DOC_MILLIS + ", \"region\": \"eu\"}";
    return Stream.of(
        Arguments.of("struct", "created_at", row),
        Arguments.of("map", "created_at", map),
        Arguments.of("json text", "created_at", json),
        Arguments.of("json bytes", "created_at", json.getBytes(StandardCharsets.UTF_8)),
        Arguments.of("json byte buffer", "created_at", ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8))),
        Arguments.of("digit text", "created_at", "{\"created_at\": \"" + DOC_MILLIS + "\"}"),
        Arguments.of("nested struct", "after.created_at", new Struct(envelope).put("after", row)),
        Arguments.of("nested map", "after.created_at", Map.of("after", map)),
        Arguments.of("nested json", "after.created_at", "{\"after\": " + json + "}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesWithTheDocMomentAt")
  void timeFieldIsReadFromEveryKindOfValue(String kind, String path, Object value) {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField(path, "epoch_millis", "")).build(), PT);

    assertThat(partitioner.partitionOf(record(null, value), NOW)).isEqualTo("2023-07-13 21");
    assertThat(partitioner.fromRecord()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "epoch_seconds | 1689254025 | 2023-07-13 21",
      "epoch_seconds | \"1689254025\" | 2023-07-13 21",
      "epoch_seconds | 1689254025.9 | 2023-07-13 21",
      "epoch_millis | 1689254025500 | 2023-07-13 21",
      "epoch_millis | \"1689254025500\" | 2023-07-13 21",
      "yyyy-MM-dd HH:mm:ss | \"2023-07-13 21:13:45\" | 2023-07-13 21",
      "yyyy-MM-dd'T'HH:mm:ssXXX | \"2023-07-13T13:13:45Z\" | 2023-07-13 21",
      "yyyy-MM-dd'T'HH:mm:ssXXX | \"2023-07-13T21:13:45+08:00\" | 2023-07-13 21",
      "yyyy-MM-dd'T'HH:mm:ssXXX | \"2023-07-13T10:13:45-05:00\" | 2023-07-13 23",
      "yyyy-MM-dd | \"2023-07-13\" | 2023-07-13 00",
      "yyyyMMdd | 20230713 | 2023-07-13 00"})
  void timeFieldIsReadAsItsFormatSays(String format, String json, String expected) {
    RecordPartitioner partitioner = RecordPartitioner.of(settings(SHANGHAI, true, timeField("ts", format, "")).build(), PT);

    assertThat(partitioner.partitionOf(record(null, "{\"ts\": " + json + "}"), NOW)).isEqualTo(expected);
  }

  @Test
  void connectTimestampIsReadAsItsInstantWhateverTheFormat() {
    Schema schema = SchemaBuilder.struct().field("ts", Timestamp.SCHEMA).build();
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField("ts", "yyyy-MM-dd", "")).build(), PT);

    Struct value = new Struct(schema).put("ts", Date.from(DOC_MOMENT));

    assertThat(partitioner.partitionOf(record(null, value), NOW)).isEqualTo("2023-07-13 21");
  }

  @Test
  void connectDateIsThatDayInTheTimeZone() {
    Schema schema = SchemaBuilder.struct().field("day", org.apache.kafka.connect.data.Date.SCHEMA).build();
    // A Connect Date is midnight UTC; in New York that instant is still the day before.
    Struct value = new Struct(schema).put("day", Date.from(Instant.parse("2023-07-13T00:00:00Z")));
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(ZoneId.of("America/New_York"), true, timeField("day", "epoch_millis", "")).build(), PT);

    assertThat(partitioner.partitionOf(record(null, value), NOW)).isEqualTo("2023-07-13 00");
  }

  // ---- partition.columns ----

  @Test
  void twoTimeColumnsGiveDayAndHour() {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, kafkaTimestamp("ds=time:yyyyMMdd,hh=time:HH")).build(), List.of("ds", "hh"));

    assertThat(partitioner.partitionOf(record(DOC_MILLIS, null), NOW)).isEqualTo("20230713/21");
    assertThat(partitioner.partitionOf(record(Instant.parse("2023-07-13T16:00:00Z").toEpochMilli(), null), NOW))
        .isEqualTo("20230714/00");
  }

  @Test
  void tableColumnNamesMatchInAnyLetterCase() {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, kafkaTimestamp("ds=time:yyyyMMdd,hh=time:HH")).build(), List.of("DS", "Hh"));

    assertThat(partitioner.partitionOf(record(DOC_MILLIS, null), NOW)).isEqualTo("20230713/21");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"eu-west\" | 20230713/eu-west",
      "12 | 20230713/12",
      "-7 | 20230713/-7",
      "1.50 | 20230713/1.50",
      "1e20 | 20230713/100000000000000000000",
      "true | 20230713/true"})
  void fieldColumnTakesTheValueAsText(String json, String expected) {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField("ts", "epoch_millis", "ds=time:yyyyMMdd,region=field:region")).build(),
        List.of("ds", "region"));

    String value = "{\"ts\": " + DOC_MILLIS + ", \"region\": " + json + "}";

    assertThat(partitioner.partitionOf(record(null, value), NOW)).isEqualTo(expected);
  }

  @Test
  void fieldColumnOfAStructWithTheFlushTime() {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, flushTime("ds=time:yyyy-MM-dd,region=field:region")).build(), List.of("ds", "region"));

    Struct value = new Struct(ROW).put("region", "cn-hangzhou");

    assertThat(partitioner.partitionOf(record(null, value), DOC_MOMENT)).isEqualTo("2023-07-13/cn-hangzhou");
    assertThat(partitioner.fromRecord()).isTrue();
  }

  @Test
  void fieldColumnAloneNeedsNoTime() {
    // A time field that no column uses is not read: its absence is no error.
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField("missing", "epoch_millis", "region=field:region")).build(),
        List.of("region"));

    assertThat(partitioner.partitionOf(record(null, Map.of("region", "eu")), NOW)).isEqualTo("eu");
  }

  // ---- records that give no partition value ----

  static Stream<Arguments> recordsWithoutATime() {
    Map<String, Object> nullField = new HashMap<>();
    nullField.put("created_at", null);
    return Stream.of(
        Arguments.of(new Struct(SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build()).put("id", 1),
            "partition column pt: field created_at is missing from the value"),
        Arguments.of(Map.of("id", 1), "partition column pt: field created_at is missing from the value"),
        Arguments.of("{\"id\": 1}", "partition column pt: field created_at is missing from the value"),
        Arguments.of(null, "partition column pt: field created_at is missing from the value"),
        Arguments.of(nullField, "partition column pt: field created_at is null"),
        Arguments.of(new Struct(ROW), "partition column pt: field created_at is null"),
        Arguments.of("{\"created_at\": null}", "partition column pt: field created_at is null"),
        Arguments.of("{\"created_at\": \"abc\"}", "partition column pt: field created_at='abc' is not epoch_millis"),
        Arguments.of("{\"created_at\": true}", "partition column pt: field created_at='true' is not epoch_millis"),
        Arguments.of("{\"created_at\": {\"a\": 1}}",
            "partition column pt: field created_at='{\"a\":1}' is not epoch_millis"),
        Arguments.of("{\"created_at\": 1e400}",
            "partition column pt: field created_at='1E+400' is not epoch_millis"),
        Arguments.of("not json", "partition column pt: field created_at cannot be read: the value is not JSON text of an object"),
        Arguments.of("[1, 2]", "partition column pt: field created_at cannot be read: the value is not JSON text of an object"),
        Arguments.of(42L, "partition column pt: field created_at cannot be read: the value is a Long, not a Struct,"
            + " a map or JSON text of an object"));
  }

  @ParameterizedTest
  @MethodSource("recordsWithoutATime")
  void recordWithoutAUsableTimeFieldIsRefused(Object value, String message) {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField("created_at", "epoch_millis", "")).build(), PT);

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, value), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage(message);
  }

  @Test
  void textOutsideThePatternIsRefused() {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, timeField("after.ts", "yyyy-MM-dd HH:mm:ss", "ds=time:yyyyMMdd")).build(),
        List.of("ds"));

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, "{\"after\": {\"ts\": \"13/07/2023\"}}"), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column ds: field after.ts='13/07/2023' is not a time in the pattern yyyy-MM-dd HH:mm:ss");
  }

  static Stream<Arguments> fieldsThatCannotBePartitionValues() {
    String longText = "x".repeat(129);
    return Stream.of(
        Arguments.of("\"\"", "field region='', which cannot be a partition value: it is empty"),
        Arguments.of("\"" + longText + "\"", "field region='" + "x".repeat(100)
            + "...', which cannot be a partition value: it is longer than 128 characters"),
        Arguments.of("\"a/b\"", "field region='a/b', which cannot be a partition value: it contains '/'"),
        Arguments.of("\"a=b\"", "field region='a=b', which cannot be a partition value: it contains '='"),
        Arguments.of("\"a,b\"", "field region='a,b', which cannot be a partition value: it contains ','"),
        Arguments.of("\"it's\"", "field region='it's', which cannot be a partition value: it contains \"'\""),
        Arguments.of("\"say \\\"hi\\\"\"",
            "field region='say \"hi\"', which cannot be a partition value: it contains '\"'"),
        Arguments.of("\"a\\nb\"", "field region='a\nb', which cannot be a partition value: it contains a control character"),
        Arguments.of("null", "field region is null"),
        Arguments.of("{\"city\": \"x\"}", "field region='{\"city\":\"x\"}' is nested, not text, a number or a boolean"),
        Arguments.of("[\"x\"]", "field region='[\"x\"]' is nested, not text, a number or a boolean"));
  }

  @ParameterizedTest
  @MethodSource("fieldsThatCannotBePartitionValues")
  void fieldThatCannotBeAPartitionValueIsRefused(String json, String problem) {
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, flushTime("region=field:region")).build(), List.of("region"));

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, "{\"region\": " + json + "}"), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column region: " + problem);
  }

  @Test
  void nestedStructOrListInAFieldColumnIsRefused() {
    Schema schema = SchemaBuilder.struct().field("region", ROW).build();
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(SHANGHAI, true, flushTime("region=field:region")).build(), List.of("region"));

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, new Struct(schema).put("region", new Struct(ROW))), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessageStartingWith("partition column region: field region='Struct{}' is nested");
    assertThatThrownBy(() -> partitioner.partitionOf(record(null, Map.of("region", List.of("a"))), NOW))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column region: field region='[a]' is nested, not text, a number or a boolean");
  }

  /** Config validation refuses such a pattern; a rule made past it is still refused, record by record. */
  @Test
  void timePatternThatGivesASlashIsRefused() {
    PartitionRules slashed = new PartitionRules(PartitionTimeSource.FLUSH_TIME, "", TimeFieldFormat.parse(""),
        List.of(new PartitionColumnRule("ds", PartitionColumnRule.Kind.TIME, "yyyy/MM")));
    RecordPartitioner partitioner = RecordPartitioner.of(settings(SHANGHAI, true, slashed).build(), List.of("ds"));

    assertThatThrownBy(() -> partitioner.partitionOf(record(null, null), DOC_MOMENT))
        .isInstanceOf(PartitionValueException.class)
        .hasMessage("partition column ds: the time gives '2023/07', which cannot be a partition value: it contains '/'");
  }

  // ---- tables that do not fit the settings ----

  @Test
  void tableWithSeveralPartitionColumnsDoesNotFitTheDocumentsPt() {
    assertThatThrownBy(() -> RecordPartitioner.of(settings(SHANGHAI, true, defaults()).build(), List.of("ds", "hh")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the table is partitioned by (ds, hh); with partition.columns empty the connector fills a"
            + " single partition column (pt) or none");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pt | the table is partitioned by (pt) but partition.columns fills (ds, hh)",
      "hh,ds | the table is partitioned by (hh, ds) but partition.columns fills (ds, hh)",
      "ds,hh,region | the table is partitioned by (ds, hh, region) but partition.columns fills (ds, hh)",
      "'' | the table is not partitioned but partition.columns fills (ds, hh)"})
  void tableWhosePartitionColumnsDifferFromTheRulesDoesNotFit(String tableColumns, String message) {
    List<String> table = tableColumns.isEmpty() ? List.of() : List.of(tableColumns.split(","));

    assertThatThrownBy(() -> RecordPartitioner.of(
        settings(SHANGHAI, true, flushTime("ds=time:yyyyMMdd,hh=time:HH")).build(), table))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message + "; they must be the same columns in the same order");
  }

  // ---- when a buffer's partition closes ----

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ds=time:yyyyMMdd,hh=time:HH | 2023-07-13T14:00:00Z",
      "ds=time:yyyyMMdd | 2023-07-13T16:00:00Z",
      "ds=time:yyyy-MM-dd'T' | 2023-07-13T16:00:00Z",
      "ds=time:yyyyMMdd,region=field:region | 2023-07-13T16:00:00Z",
      "mon=time:yyyyMM | 2023-07-31T16:00:00Z",
      "yr=time:yyyy | 2023-12-31T16:00:00Z",
      "m=time:yyyyMMddHHmm | 2023-07-13T13:14:00Z",
      "s=time:HHmmss | 2023-07-13T13:13:46Z",
      "ms=time:HHmmssSSS | 2023-07-13T13:13:45.500000001Z",
      "wk=time:YYYYww | 2023-07-13T16:00:00Z",
      "c=time:'fixed' | +1000000000-12-31T23:59:59.999999999Z",
      "region=field:region | +1000000000-12-31T23:59:59.999999999Z"})
  void flushTimeColumnsCloseWhenTheirFinestFieldChanges(String columns, Instant expected) {
    PartitionRules rules = flushTime(columns);
    List<String> table = rules.columns().stream().map(PartitionColumnRule::column).collect(Collectors.toList());
    RecordPartitioner partitioner = RecordPartitioner.of(settings(SHANGHAI, true, rules).build(), table);

    assertThat(partitioner.windowEnd(DOC_MOMENT)).isEqualTo(expected);
  }

  @Test
  void flushTimeDefaultClosesWithThePtWindow() {
    for (PartitionWindow window : PartitionWindow.values()) {
      SinkSettings settings = settings(SHANGHAI, false, defaults()).partitionWindow(window).build();

      assertThat(RecordPartitioner.of(settings, PT).windowEnd(DOC_MOMENT))
          .isEqualTo(PartitionValues.of(settings).windowEnd(DOC_MOMENT));
    }
  }

  @Test
  void offsetInThePatternClosesAtTheDaylightSavingChange() {
    ZoneId newYork = ZoneId.of("America/New_York");
    RecordPartitioner partitioner = RecordPartitioner.of(
        settings(newYork, true, flushTime("ds=time:yyyyMMddXX")).build(), List.of("ds"));
    // 2023-11-05 00:30 EDT; the offset changes at 02:00 EDT (06:00Z), before the day ends.
    Instant now = Instant.parse("2023-11-05T04:30:00Z");

    assertThat(partitioner.windowEnd(now)).isEqualTo(Instant.parse("2023-11-05T06:00:00Z"));
    assertThat(partitioner.partitionOf(record(null, null), now)).isEqualTo("20231105-0400");
  }

  @Test
  void partitionsOfTheRecordNeverCloseByTheClock() {
    SinkSettings byTimestamp = settings(SHANGHAI, true, kafkaTimestamp()).build();
    SinkSettings byField = settings(SHANGHAI, true, timeField("ts", "epoch_millis", "ds=time:yyyyMMdd")).build();

    assertThat(RecordPartitioner.of(byTimestamp, PT).windowEnd(DOC_MOMENT)).isEqualTo(Instant.MAX);
    assertThat(RecordPartitioner.of(byField, List.of("ds")).windowEnd(DOC_MOMENT)).isEqualTo(Instant.MAX);
  }

  // ---- helpers ----

  private static SinkSettings.Builder settings(ZoneId zone, boolean newFormat, PartitionRules rules) {
    return SinkSettings.builder().endpoint("e").project("p").table("t")
        .partitionWindow(PartitionWindow.HOUR).newPartitionFormat(newFormat).timeZone(zone).partitionRules(rules);
  }

  private static PartitionRules defaults() {
    return flushTime("");
  }

  private static PartitionRules flushTime(String columns) {
    return rules(PartitionTimeSource.FLUSH_TIME, "", "epoch_millis", columns);
  }

  private static PartitionRules kafkaTimestamp() {
    return kafkaTimestamp("");
  }

  private static PartitionRules kafkaTimestamp(String columns) {
    return rules(PartitionTimeSource.KAFKA_TIMESTAMP, "", "epoch_millis", columns);
  }

  private static PartitionRules timeField(String field, String format, String columns) {
    return rules(PartitionTimeSource.FIELD, field, format, columns);
  }

  private static PartitionRules rules(PartitionTimeSource source, String field, String format, String columns) {
    return new PartitionRules(source, field, TimeFieldFormat.parse(format), PartitionColumnRule.parseList(columns));
  }

  private static SinkRecord record(Long timestamp, Object value) {
    return new SinkRecord("orders", 0, null, null, null, value, 42L, timestamp,
        timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
  }
}
