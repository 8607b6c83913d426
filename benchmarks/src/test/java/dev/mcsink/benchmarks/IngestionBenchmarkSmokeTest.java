package dev.mcsink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark end to end on a few hundred rows: every path and shape lands every row. */
class IngestionBenchmarkSmokeTest {
  @Test
  void everyPathAndShapeLandsAllRowsAndReportsThem(@TempDir Path dir) throws Exception {
    IngestionBenchmark benchmark = new IngestionBenchmark();
    StringWriter out = new StringWriter();
    Path json = dir.resolve("results.json");
    int exit = new CommandLine(benchmark).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
        .execute("--rows", "300", "--block-rows", "100", "--flush-rows", "70", "--warmup-rows", "0",
            "--json", json.toString());

    assertThat(exit).as("exit status; output:%n%s", out).isZero();
    assertThat(benchmark.measurements())
        .extracting(m -> m.path() + "/" + m.shape())
        .containsExactly("batch/narrow", "batch/wide", "stream/narrow", "stream/wide");
    assertThat(benchmark.measurements()).allSatisfy(m -> {
      assertThat(m.rows()).isEqualTo(300);
      assertThat(m.countedRows()).as("SELECT COUNT(*) after %s/%s", m.path(), m.shape()).isEqualTo(300);
      assertThat(m.recordStreamBytes()).isPositive();
      assertThat(m.checkpointCpuNanos()).as("CPU of the checkpoint after %s/%s", m.path(), m.shape())
          .isGreaterThanOrEqualTo(m.cpuNanos() < 0 ? -1 : 0);
    });
    assertThat(out.toString()).contains("| batch | 2 | raw | narrow | 300 |", "| stream | 1 | zlib-1 | wide | 300 |");
    assertThat(Files.readString(json)).contains("\"countedRows\": 300", "\"checkpointCpuSeconds\": ");
  }
}
