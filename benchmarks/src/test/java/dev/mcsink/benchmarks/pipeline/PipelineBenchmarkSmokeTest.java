package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * bin/bench on a few thousand records, both write paths and the floor: a real broker and workers with
 * the packaged plugin and the discarding sink, every row landed once into tables with an extra column,
 * and the report's figures filled in.
 */
class PipelineBenchmarkSmokeTest {
  private static final int RECORDS = 3000;

  @Test
  void bothPathsAndTheFloorTakeEveryRecordOnceAndReportTheirFigures(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    Path chart = dir.resolve("bench.png");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    try (PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(captured);
      exit = new CommandLine(new PipelineBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(
          "--records", Integer.toString(RECORDS), "--warmup-records", "0", "--partitions", "2",
          "--format", "text", "--both-paths", "--extra-column", "insert_time:bigint", "--worker-heap", "256m", "--timeout", "180",
          "--json", json.toString(), "--chart", chart.toString(), "--work-dir", dir.resolve("work").toString(),
          "--this-plugin-path", System.getProperty("plugin.path"),
          "--stack-classpath-file", System.getProperty("stack.classpath.file"),
          "--log4j-config", System.getProperty("stack.log4j.config"));
    } finally {
      System.setOut(stdout);
    }
    String table = console.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("exit status; console:%n%s", table).isZero();
    assertThat(table).contains("| TEXT | 2 | - | ceiling (plain consumer) |", "| TEXT | 2 | - | floor (discarding sink) |",
        "| TEXT | 2 | batch | this |", "| TEXT | 2 | stream | this |", "| CPU vs floor | heap after GC MB |");
    JsonNode dataSet = new ObjectMapper().readTree(json.toFile()).path("dataSets").get(0);
    assertThat(dataSet.path("records").asLong()).isEqualTo(RECORDS);
    assertThat(dataSet.path("ceiling").path("recordsPerSecond").asDouble()).isPositive();
    JsonNode floor = dataSet.path("floor");
    assertThat(floor.path("committedRecords").asLong()).as("floor: offsets committed").isEqualTo(RECORDS);
    assertThat(floor.path("recordsPerSecond").asDouble()).isPositive();
    assertThat(floor.path("cpuSecondsPerMillionRecords").asDouble()).as("floor worker CPU").isPositive();
    assertThat(floor.path("heapAfterGcBytes").asLong()).as("floor heap after GC").isPositive();
    JsonNode batch = dataSet.path("connectors").get(0);
    JsonNode stream = dataSet.path("connectors").get(1);
    assertThat(batch.path("path").asText()).isEqualTo("batch");
    assertThat(stream.path("path").asText()).isEqualTo("stream");
    for (JsonNode run : new JsonNode[] {batch, stream}) {
      assertThat(run.path("rows").asLong()).as("rows in the table").isEqualTo(RECORDS);
      assertThat(run.path("distinctOffsets").asLong()).as("distinct (partition, offset)").isEqualTo(RECORDS);
      assertThat(run.path("recordsPerSecond").asDouble()).isPositive();
      assertThat(run.path("ratioToCeiling").asDouble()).isPositive();
      assertThat(run.path("cpuSecondsPerMillionRecords").asDouble()).as("worker CPU").isPositive();
      assertThat(run.path("peakRssBytes").asLong()).as("worker RSS").isPositive();
      assertThat(run.path("peakHeapUsedBytes").asLong()).as("worker heap").isPositive();
      assertThat(run.path("heapAfterGcBytes").asLong()).as("worker heap after GC").isPositive();
      assertThat(run.path("cpuVsFloor").asDouble()).as("worker CPU vs floor").isPositive();
      assertThat(lastColumnOf(dir.resolve("work").resolve("maxcompute"), run.path("table").asText()))
          .as("the extra column, last").isEqualTo("insert_time BIGINT");
      assertThat(run.path("rowsOverTime").size()).isPositive();
    }
    assertThat(batch.path("tunnel").path("commits").asLong()).as("batch commits").isPositive();
    assertThat(batch.path("tunnel").path("streamPacks").asLong()).isZero();
    assertThat(stream.path("tunnel").path("streamPacks").asLong()).as("stream packs").isPositive();
    assertThat(stream.path("tunnel").path("commits").asLong()).isZero();
    byte[] png = Files.readAllBytes(chart);
    assertThat(png).as("a PNG file").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  /** The last data column of a table the run left in its local MaxCompute's data directory, as "name TYPE". */
  private static String lastColumnOf(Path dataDir, String table) {
    try (LocalMaxCompute maxCompute = LocalMaxCompute.builder().port(0).dataDir(dataDir).start()) {
      List<Column> columns = maxCompute.warehouse().table(TableId.of(LocalMaxCompute.DEFAULT_PROJECT, table))
          .orElseThrow().schema().columns();
      Column last = columns.get(columns.size() - 1);
      return last.name() + " " + last.type().typeName();
    }
  }
}
