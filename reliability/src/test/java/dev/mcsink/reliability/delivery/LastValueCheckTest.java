package dev.mcsink.reliability.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.reliability.delivery.SinkTable.KeyedRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/verify-delivery --mode last-value-per-key through its command-line entry point: the topic's
 * last record per key (a tombstone deletes) against a Delta table in the local MaxCompute.
 */
class LastValueCheckTest {
  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @Test
  void countsMatchingWrongMissingAndUnexpectedKeysAndExitsOneOnAnyDifference() throws Exception {
    KAFKA.createTopic("prices", 2);
    KAFKA.produceKeyed("prices", 0, "1", "a");
    KAFKA.produceKeyed("prices", 0, "1", "{\"id\":1,\"v\":\"b\"}"); // the value column's field stands for it
    KAFKA.produceKeyed("prices", 1, "2", "x");
    KAFKA.produceKeyed("prices", 1, "2", null); // deleted last: must be absent
    KAFKA.produceKeyed("prices", 0, "3", "c");
    KAFKA.produceKeyed("prices", 1, "4", "d");
    KAFKA.produceKeyed("prices", 1, "5", null);
    KAFKA.produceKeyed("prices", 1, "5", "e"); // deleted, then set again
    SinkTable table = SinkTable.createKeyed(MC.service(), "prices_delta");
    table.writeKeyed(List.of(new KeyedRow(1, "a"), new KeyedRow(2, "x"), new KeyedRow(3, "c-old")));
    // A later commit replaces the rows of its keys.
    table.writeKeyed(List.of(new KeyedRow(1, "b"), new KeyedRow(5, "e"), new KeyedRow(9, "z")));

    VerifyDeliveryRun result = verify("--topic", "prices", "--table", "prices_delta");

    assertThat(result.status()).as(result.stdout() + result.stderr()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("Topic prices, table prices_delta (key column id, value column v): 8 records, 5 keys,"
            + " 1 deleted by their last record; 5 table rows\n")
        .contains("keys expected 4, matching 2, wrong 1, missing 1, unexpected 2\n")
        .contains("Wrong values (first 10): 3 (table c-old, last produced c)\n")
        .contains("Missing keys (first 10): 4\n")
        .contains("Unexpected keys (first 10): 2, 9\n")
        .endsWith("DIFFERENT: 2 of 4 keys lack their last value, 2 rows unexpected\n");
  }

  @Test
  void aTableHoldingTheLastValueOfEveryKeyPassesAndTheJsonHasTheFigures(@TempDir Path dir) throws Exception {
    KAFKA.createTopic("stock", 1);
    // Keys as JSON objects (pk.source KEY): the key column's field stands for the key.
    KAFKA.produceKeyed("stock", 0, "{\"id\":7}", "{\"v\":\"seven\"}");
    KAFKA.produceKeyed("stock", 0, "{\"id\":8}", "{\"v\":\"eight\"}");
    KAFKA.produceKeyed("stock", 0, "{\"id\":7}", "{\"v\":\"SEVEN\"}");
    KAFKA.produceKeyed("stock", 0, "{\"id\":8}", null);
    SinkTable.createKeyed(MC.service(), "stock_delta").writeKeyed(List.of(new KeyedRow(7, "SEVEN")));
    Path json = dir.resolve("report.json");

    VerifyDeliveryRun result = verify("--topic", "stock", "--table", "stock_delta", "--json", json.toString());

    assertThat(result.status()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("keys expected 1, matching 1, wrong 0, missing 0, unexpected 0\n")
        .endsWith("OK: the table holds the last value of all 1 keys\n");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.path("matches").asBoolean(false)).isTrue();
    assertThat(report.path("keysProduced").asLong()).isEqualTo(2);
    assertThat(report.path("keysDeleted").asLong()).isEqualTo(1);
    assertThat(report.path("keysExpected").asLong()).isEqualTo(1);
    assertThat(report.path("matching").asLong()).isEqualTo(1);
    assertThat(report.path("wrong").asLong()).isZero();
    assertThat(report.path("missing").asLong()).isZero();
    assertThat(report.path("unexpected").asLong()).isZero();
  }

  @Test
  void theModeNeedsBothColumnsAndTheColumnsNeedTheMode() {
    VerifyDeliveryRun noValueColumn =
        run("--topic", "t", "--table", "t", "--mode", "last-value-per-key", "--key-column", "id");
    VerifyDeliveryRun noMode = run("--topic", "t", "--table", "t", "--key-column", "id");
    VerifyDeliveryRun unknownMode = run("--topic", "t", "--table", "t", "--mode", "newest");

    assertThat(noValueColumn.status()).isEqualTo(2);
    assertThat(noValueColumn.stderr()).contains("needs --key-column and --value-column");
    assertThat(noMode.status()).isEqualTo(2);
    assertThat(noMode.stderr()).contains("go with --mode last-value-per-key");
    assertThat(unknownMode.status()).isEqualTo(2);
    assertThat(unknownMode.stderr()).contains("delivery or last-value-per-key");
  }

  private static VerifyDeliveryRun verify(String... args) {
    List<String> all = new ArrayList<>(List.of("--mode", "last-value-per-key", "--key-column", "id",
        "--value-column", "v"));
    all.addAll(Arrays.asList(args));
    return run(all.toArray(String[]::new));
  }

  private static VerifyDeliveryRun run(String... args) {
    return VerifyDeliveryRun.of(KAFKA.bootstrapServers(), MC.service().endpoint(), args);
  }
}
