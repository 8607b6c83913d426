package dev.mcsink.reliability.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.reliability.delivery.SinkTable.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/verify-delivery through its command-line entry point, against a real Kafka broker and the
 * local MaxCompute, with table rows written through the official SDK's Tunnel.
 */
class VerifyDeliveryTest {
  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @Test
  void countsLandedDuplicatedMissingAndUnexpectedRowsPerPartitionAndExitsOneWhenRecordsAreMissing()
      throws Exception {
    KAFKA.createTopic("orders", 2);
    KAFKA.produce("orders", 0, 10);
    KAFKA.produce("orders", 1, 10);
    List<Row> rows = new ArrayList<>();
    rows.addAll(rows("orders", 0, 0, 10));
    rows.add(new Row("orders", 0, 3));
    rows.addAll(rows("orders", 1, 0, 4));
    rows.add(new Row("orders", 1, 7));
    rows.add(new Row("orders", 1, 9));
    // Partition 5 does not exist in the topic.
    rows.add(new Row("orders", 5, 0));
    rows.add(new Row("orders", 5, 1));
    // Another topic's rows in the same table, at the offsets missing for "orders".
    rows.addAll(rows("payments", 1, 0, 10));
    SinkTable.create(MC.service(), "orders_sink", false).write(rows);

    Result result = verify("--topic", "orders", "--table", "orders_sink");

    assertThat(result.status()).as(result.stderr()).isEqualTo(1);
    //                                        expected landed duplicated errors missing unexpected
    assertThat(result.figures("0")).containsExactly(10L, 10L, 1L, 0L, 0L, 0L);
    assertThat(result.figures("1")).containsExactly(10L, 6L, 0L, 0L, 4L, 0L);
    assertThat(result.figures("5")).containsExactly(0L, 0L, 0L, 0L, 0L, 2L);
    assertThat(result.figures("TOTAL")).containsExactly(20L, 16L, 1L, 0L, 4L, 2L);
    assertThat(result.stdout())
        .contains("Topic orders, table orders_sink: no table partitions, 19 rows of the topic\n")
        .contains("  partition 1: 4-6, 8\n")
        .endsWith("MISSING: 4 of 20 records neither landed nor went to an error topic\n");
  }

  @Test
  void recordsInTheConnectorsErrorTopicOrConnectsDeadLetterQueueCountAsDelivered() throws Exception {
    KAFKA.createTopic("clicks", 1);
    KAFKA.produce("clicks", 0, 6);
    SinkTable.create(MC.service(), "clicks_sink", false)
        .write(List.of(new Row("clicks", 0, 0), new Row("clicks", 0, 1), new Row("clicks", 0, 2),
            new Row("clicks", 0, 5)));
    KAFKA.createTopic("clicks-errors", 1);
    KAFKA.produceWithHeaders("clicks-errors", connectorHeaders("clicks", 0, 3));
    KAFKA.produceWithHeaders("clicks-errors", connectorHeaders("elsewhere", 0, 4));
    KAFKA.produceWithHeaders("clicks-errors", Map.of());
    KAFKA.createTopic("clicks-dlq", 1);
    KAFKA.produceWithHeaders("clicks-dlq", Map.of("__connect.errors.topic", "clicks",
        "__connect.errors.partition", "0", "__connect.errors.offset", "4",
        "__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"));

    Result both = verify("--topic", "clicks", "--table", "clicks_sink",
        "--error-topic", "clicks-errors", "--error-topic", "clicks-dlq");
    Result errorTopicOnly = verify("--topic", "clicks", "--table", "clicks_sink", "--error-topic", "clicks-errors");

    assertThat(both.status()).as(both.stdout() + both.stderr()).isEqualTo(0);
    assertThat(both.figures("0")).containsExactly(6L, 4L, 0L, 2L, 0L, 0L);
    assertThat(both.stdout())
        .contains("Error topic clicks-errors: 3 records, 1 from clicks\n")
        .contains("Error topic clicks-dlq: 1 records, 1 from clicks\n")
        .endsWith("OK: all 6 records landed or went to an error topic\n");
    assertThat(errorTopicOnly.status()).isEqualTo(1);
    assertThat(errorTopicOnly.figures("0")).containsExactly(6L, 4L, 0L, 1L, 1L, 0L);
    assertThat(errorTopicOnly.stdout()).contains("  partition 0: 4\n");
  }

  @Test
  void readsOnlyTheTablePartitionsThePartitionSpecsSelect() throws Exception {
    KAFKA.createTopic("events", 1);
    KAFKA.produce("events", 0, 4);
    SinkTable table = SinkTable.create(MC.service(), "events_sink", true);
    table.write("a", rows("events", 0, 0, 2));
    table.write("b", rows("events", 0, 2, 4));
    table.write("replay", rows("events", 0, 0, 2));

    Result aAndB = verify("--topic", "events", "--table", "events_sink",
        "--partition-spec", "pt='a'", "--partition-spec", "pt='b'");
    Result all = verify("--topic", "events", "--table", "events_sink");
    Result aOnly = verify("--topic", "events", "--table", "events_sink", "--partition-spec", "pt='a'");

    assertThat(aAndB.status()).as(aAndB.stdout() + aAndB.stderr()).isEqualTo(0);
    assertThat(aAndB.figures("0")).containsExactly(4L, 4L, 0L, 0L, 0L, 0L);
    assertThat(aAndB.stdout()).contains("2 table partitions read, 4 rows of the topic");
    assertThat(all.status()).isEqualTo(0);
    assertThat(all.figures("0")).containsExactly(4L, 4L, 2L, 0L, 0L, 0L);
    assertThat(all.stdout()).contains("3 table partitions read, 6 rows of the topic");
    assertThat(aOnly.status()).isEqualTo(1);
    assertThat(aOnly.figures("0")).containsExactly(4L, 2L, 0L, 0L, 2L, 0L);
    assertThat(aOnly.stdout()).contains("  partition 0: 2-3\n");
  }

  @Test
  void transactionMarkersAreNotExpectedButRecordsOfAbortedTransactionsAre() throws Exception {
    KAFKA.createTopic("payments-tx", 1);
    KAFKA.withProducer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "verify-delivery-test"), producer -> {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < 3; i++) {
        KafkaBrokerExtension.send(producer, new ProducerRecord<>("payments-tx", 0, null, new byte[] {1}));
      }
      producer.commitTransaction(); // offsets 0-2, marker at 3
      producer.beginTransaction();
      KafkaBrokerExtension.send(producer, new ProducerRecord<>("payments-tx", 0, null, new byte[] {2}));
      producer.abortTransaction(); // offset 4, marker at 5
    });
    List<Row> rows = new ArrayList<>(rows("payments-tx", 0, 0, 3));
    rows.add(new Row("payments-tx", 0, 3));
    SinkTable.create(MC.service(), "payments_tx_sink", false).write(rows);

    Result result = verify("--topic", "payments-tx", "--table", "payments_tx_sink");

    assertThat(result.status()).as(result.stdout() + result.stderr()).isEqualTo(1);
    assertThat(result.figures("0")).containsExactly(4L, 3L, 0L, 0L, 1L, 1L);
    assertThat(result.stdout()).contains("  partition 0: 4\n");
  }

  @Test
  void writesTheReportAsJsonWhenAsked(@TempDir Path dir) throws Exception {
    KAFKA.createTopic("logs", 1);
    KAFKA.produce("logs", 0, 3);
    SinkTable.create(MC.service(), "logs_sink", false)
        .write(List.of(new Row("logs", 0, 0), new Row("logs", 0, 2), new Row("logs", 0, 2)));
    Path json = dir.resolve("report.json");

    Result result = verify("--topic", "logs", "--table", "logs_sink", "--json", json.toString());

    assertThat(result.status()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.path("topic").asText()).isEqualTo("logs");
    assertThat(report.path("complete").asBoolean(true)).isFalse();
    JsonNode partition = report.path("partitions").path(0);
    assertThat(partition.path("partition").asInt(-9)).isEqualTo(0);
    assertThat(partition.path("expected").asLong()).isEqualTo(3);
    assertThat(partition.path("landed").asLong()).isEqualTo(2);
    assertThat(partition.path("duplicated").asLong()).isEqualTo(1);
    assertThat(partition.path("missing").asLong()).isEqualTo(1);
    assertThat(partition.path("firstMissing").toString()).isEqualTo("[{\"first\":1,\"last\":1}]");
    assertThat(report.path("total").path("missing").asLong()).isEqualTo(1);
  }

  @Test
  void aTopicOrTableThatDoesNotExistIsAnErrorOnOneLineThatDoesNotShowTheKey() throws Exception {
    KAFKA.createTopic("audit", 1);
    String key = MC.service().accessKey();

    Result noTopic = verify("--topic", "no-such-topic", "--table", "audit_sink",
        "--access-id", MC.service().accessId(), "--access-key", key);
    Result noTable = verify("--topic", "audit", "--table", "no_such_table",
        "--access-id", MC.service().accessId(), "--access-key", key);
    Result wrongKey = verify("--topic", "audit", "--table", "no_such_table",
        "--access-id", MC.service().accessId(), "--access-key", "not-the-key-42");

    assertThat(noTopic.status()).isEqualTo(2);
    assertThat(noTopic.stderr()).startsWith("verify-delivery: topic no-such-topic does not exist")
        .hasLineCount(1);
    assertThat(noTable.status()).isEqualTo(2);
    assertThat(noTable.stderr()).startsWith("verify-delivery: table no_such_table does not exist")
        .hasLineCount(1).doesNotContain(key);
    assertThat(wrongKey.status()).isEqualTo(2);
    assertThat(wrongKey.stderr()).startsWith("verify-delivery: cannot read table no_such_table")
        .hasLineCount(1).doesNotContain("not-the-key-42");
  }

  @Test
  void withoutTopicOrTableItIsAUsageError() {
    Result result = verify("--table", "t");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.stderr()).contains("--topic").contains("Try 'verify-delivery --help'");
  }

  private static List<Row> rows(String topic, int partition, long fromOffset, long toOffset) {
    return LongStream.range(fromOffset, toOffset).mapToObj(o -> new Row(topic, partition, o)).toList();
  }

  private static Map<String, String> connectorHeaders(String topic, int partition, long offset) {
    return Map.of("mc.source.topic", topic, "mc.source.partition", Integer.toString(partition),
        "mc.source.offset", Long.toString(offset), "mc.error.message", "bad JSON");
  }

  private static Result verify(String... args) {
    VerifyDeliveryRun run = VerifyDeliveryRun.of(KAFKA.bootstrapServers(), MC.service().endpoint(), args);
    return new Result(run.status(), run.stdout(), run.stderr());
  }

  private record Result(int status, String stdout, String stderr) {
    /** The six figures of a line of the table: expected landed duplicated errors missing unexpected. */
    List<Long> figures(String partition) {
      return stdout.lines()
          .map(String::trim)
          .map(line -> line.split("\\s+"))
          .filter(cells -> cells.length == 7 && cells[0].equals(partition))
          .findFirst()
          .map(cells -> Arrays.stream(cells, 1, 7).map(Long::valueOf).toList())
          .orElseThrow(() -> new AssertionError("no line for " + partition + " in:\n" + stdout + stderr));
    }
  }
}
