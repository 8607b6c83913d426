package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Partition;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.types.TableId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partition values from the record rather than the flush time, on both write paths: the Kafka
 * timestamp into the single {@code pt} column, and a field of the value into two partition columns.
 * Records are out of time order within each Kafka partition and span six hours over two days in
 * Asia/Shanghai (all on one day in UTC, so a wrong zone shows); each lands in its own partition,
 * created by the connector when missing.
 */
class EventTimePartitionsIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;
  private static final String ZONE = "Asia/Shanghai";
  /** 2024-03-09 22:30 in Shanghai; records run 300 minutes from here, to 2024-03-10 03:29. */
  private static final Instant FIRST = Instant.parse("2024-03-09T14:30:00Z");
  private static final int RECORDS = 300;
  private static final int PARTITIONS = 3;

  EventTimePartitionsIT() {
    super(new Setup().deletingConnectorsAfterEach());
  }

  @ParameterizedTest(name = "use_streaming={0}")
  @ValueSource(booleans = {false, true})
  void kafkaTimestampsPutRowsInTheHourPartitionOfTheirTimeInTheConfiguredZone(boolean streaming) throws Exception {
    String run = streaming ? "stream" : "batch";
    String topic = "topic_event_hours_" + run;
    String table = "event_hours_" + run;
    String connector = "event-hours-" + run;
    createTextTable(table);
    // One partition exists already: the connector writes into it rather than failing to create it.
    sql.execute("ALTER TABLE " + table + " ADD PARTITION (pt='2024-03-10 00');");
    connect.kafka().createTopic(topic, PARTITIONS);
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < RECORDS; i++) {
      Instant time = FIRST.plusSeconds(60L * minuteOf(i));
      records.add(new ProducerRecord<>(topic, i % PARTITIONS, time.toEpochMilli(), "k" + i, "v" + i));
      expected.merge(hourPt(time), 1, Integer::sum);
    }
    produceAll(records);

    connect.configureConnector(connector, SinkConnectorConfig.pointingAt(mc)
        .topics(topic).table(table).format("TEXT").mode("VALUE").tasksMax(1).streaming(streaming)
        .partitionWindow("HOUR")
        .set("use_new_partition_format", "true")
        .set("time_zone", ZONE)
        .set("partition.time.source", "KAFKA_TIMESTAMP")
        .build());

    int rows = sql.awaitEveryRecord(table, topic, endOffsets(topic, PARTITIONS), TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
    CommittedOffsets.awaitEndOfTopic(connect, connector, topic, PARTITIONS, TIMEOUT_MS);
    assertThat(rows).as("rows of %s records", RECORDS).isEqualTo(RECORDS);
    assertThat(expected).containsOnlyKeys("2024-03-09 22", "2024-03-09 23", "2024-03-10 00", "2024-03-10 01",
        "2024-03-10 02", "2024-03-10 03");
    assertThat(rowsPerPartition(table, "pt")).isEqualTo(expected);
    assertThat(partitionsOf(table)).containsExactlyElementsOf(
        expected.keySet().stream().map(pt -> "pt='" + pt + "'").toList());
    TableActivity activity = mc.activity().of(TableId.of(mc.projects().get(0), table));
    if (streaming) {
      assertThat(activity.streamRows()).as("rows streamed").isEqualTo(RECORDS);
      assertThat(activity.uploadSessions()).as("batch upload sessions").isZero();
    } else {
      assertThat(activity.committedRows()).as("rows committed in upload sessions").isEqualTo(RECORDS);
      assertThat(activity.streamSessions()).as("stream sessions").isZero();
    }
  }

  @ParameterizedTest(name = "use_streaming={0}")
  @ValueSource(booleans = {false, true})
  void aTimeFieldFillsTwoPartitionColumnsAndARecordWithoutItGoesToTheErrorTopicNamed(boolean streaming)
      throws Exception {
    String run = streaming ? "stream" : "batch";
    String topic = "topic_event_fields_" + run;
    String table = "event_fields_" + run;
    String errors = "event_fields_errors_" + run;
    String connector = "event-fields-" + run;
    sql.execute("CREATE TABLE IF NOT EXISTS " + table + "(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING, ts BIGINT) PARTITIONED BY (ds STRING, hh STRING);");
    connect.kafka().createTopic(topic, PARTITIONS);
    connect.kafka().createTopic(errors, 1);
    // Record 100 (partition 1, offset 33) has no ts; every other one has.
    int noTime = 100;
    String noTimeValue = "{\"id\":100,\"name\":\"no-time\"}";
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < RECORDS; i++) {
      Instant time = FIRST.plusSeconds(60L * minuteOf(i));
      String value = i == noTime ? noTimeValue
          : "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"ts\":" + time.toEpochMilli() + "}";
      records.add(new ProducerRecord<>(topic, i % PARTITIONS, null, String.valueOf(i), value));
      if (i != noTime) {
        expected.merge(format(time, "yyyyMMdd") + "/" + format(time, "HH"), 1, Integer::sum);
      }
    }
    produceAll(records);

    connect.configureConnector(connector, SinkConnectorConfig.pointingAt(mc)
        .topics(topic).table(table).format("FLATTEN").mode("VALUE").tasksMax(1).streaming(streaming)
        .set("time_zone", ZONE)
        .set("partition.time.source", "FIELD")
        .set("partition.time.field", "ts")
        .set("partition.columns", "ds=time:yyyyMMdd,hh=time:HH")
        .set("runtime.error.topic.name", errors)
        .set("runtime.error.topic.bootstrap.servers", connect.kafka().bootstrapServers())
        .set("skip_error", "false")
        .build());

    int rows = sql.awaitEveryRecordBut(table, topic, endOffsets(topic, PARTITIONS), Set.of("1@33"), TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
    CommittedOffsets.awaitEndOfTopic(connect, connector, topic, PARTITIONS, TIMEOUT_MS);
    assertThat(rows).as("every record but the one without ts, once").isEqualTo(RECORDS - 1);
    assertThat(sql.rows("SELECT id FROM " + table + " WHERE id = " + noTime + ";")).isEmpty();
    assertThat(expected).containsOnlyKeys("20240309/22", "20240309/23", "20240310/00", "20240310/01",
        "20240310/02", "20240310/03");
    assertThat(rowsPerPartition(table, "ds, '/', hh")).isEqualTo(expected);
    assertThat(partitionsOf(table)).containsExactlyElementsOf(expected.keySet().stream()
        .map(p -> "ds='" + p.substring(0, 8) + "',hh='" + p.substring(9) + "'").toList());

    List<ConsumerRecord<byte[], byte[]>> failed = new ArrayList<>();
    connect.kafka().consume(1, TIMEOUT_MS, errors).forEach(failed::add);
    assertThat(failed).hasSize(1);
    ConsumerRecord<byte[], byte[]> record = failed.get(0);
    assertThat(text(record.key())).isEqualTo(String.valueOf(noTime));
    assertThat(text(record.value())).isEqualTo(noTimeValue);
    assertThat(headerText(record, "mc.source.topic")).isEqualTo(topic);
    assertThat(headerText(record, "mc.source.partition")).isEqualTo("1");
    assertThat(headerText(record, "mc.source.offset")).isEqualTo("33");
    assertThat(headerText(record, "mc.error.message"))
        .contains("topic " + topic).contains("partition 1").contains("offset 33")
        .contains("partition column ds").contains("field ts");
  }

  /** Record i's minute after {@link #FIRST}: every minute of 300 once, out of order within each Kafka partition. */
  private static int minuteOf(int i) {
    return (i * 7) % RECORDS;
  }

  private static String hourPt(Instant time) {
    return format(time, "yyyy-MM-dd HH");
  }

  private static String format(Instant time, String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withZone(ZoneId.of(ZONE)).format(time);
  }

  /** Rows per partition, counted by SQL; {@code partitionKey} is the CONCAT arguments naming a partition. */
  private Map<String, Integer> rowsPerPartition(String table, String partitionKey) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (Map<String, String> row : sql.rows("SELECT CONCAT(" + partitionKey + ") AS p, COUNT(*) AS n FROM " + table
        + " GROUP BY CONCAT(" + partitionKey + ");")) {
      counts.put(row.get("p"), Integer.parseInt(row.get("n")));
    }
    return counts;
  }

  /** The table's partitions as the SDK lists them, e.g. {@code pt='2024-03-10 00'}, sorted. */
  private Set<String> partitionsOf(String table) throws Exception {
    Set<String> specs = new TreeSet<>();
    for (Partition p : sql.odps().tables().get(table).getPartitions()) {
      specs.add(p.getPartitionSpec().toString());
    }
    return specs;
  }
}
