package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows per second of writeBlock + commit; prints figures, asserts only the row counts.
 * Run with {@code -Dbenchmark=true -Dtest=IngestionThroughputBenchmark}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IngestionThroughputBenchmark {
  private static final int BLOCK_ROWS = 100_000;
  @TempDir
  Path dir;

  @Test
  void narrowAndWideRowsPerSecond() {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir)) {
      warehouse.ensureProject("p");
      List<Column> narrow = List.of(Column.of("id", "BIGINT"), Column.of("topic", "STRING"),
          Column.of("part", "INT"), Column.of("offset", "BIGINT"), Column.of("ts", "DATETIME"),
          Column.of("value", "STRING"));
      measure(warehouse, "narrow (6 cols)", narrow, 1_000_000, i -> new Object[] {(long) i, "topic",
          (int) (i % 12), (long) i, Instant.ofEpochMilli(1_700_000_000_000L + i), "value-" + i});

      List<Column> wide = new ArrayList<>();
      for (int c = 0; c < 50; c++) {
        String type = switch (c % 5) {
          case 0 -> "BIGINT";
          case 1 -> "STRING";
          case 2 -> "DOUBLE";
          case 3 -> "DECIMAL(18,4)";
          default -> "DATE";
        };
        wide.add(Column.of("c" + c, type));
      }
      measure(warehouse, "wide (50 cols)", wide, 200_000, i -> {
        Object[] row = new Object[50];
        for (int c = 0; c < 50; c++) {
          row[c] = switch (c % 5) {
            case 0 -> (long) i * c;
            case 1 -> "s" + i + "-" + c;
            case 2 -> i * 0.25 + c;
            case 3 -> BigDecimal.valueOf(i, 2);
            default -> LocalDate.ofEpochDay(i % 20000);
          };
        }
        return row;
      });
    }
  }

  private static void measure(DuckDbWarehouse warehouse, String label, List<Column> columns, int rows,
      java.util.function.IntFunction<Object[]> rowAt) {
    TableId id = TableId.of("p", label.startsWith("narrow") ? "narrow" : "wide");
    warehouse.createTable(id, new TableSchema(columns, List.of(Column.of("pt", "STRING"))), "", -1);
    PartitionSpec pt = PartitionSpec.parse("pt=x");
    warehouse.createPartition(id, pt);
    long start = System.nanoTime();
    UploadStage stage = warehouse.openUploadStage("bench-" + id.table(), id, pt, false);
    List<Long> blocks = new ArrayList<>();
    for (int block = 0; block * BLOCK_ROWS < rows; block++) {
      int from = block * BLOCK_ROWS;
      int to = Math.min(rows, from + BLOCK_ROWS);
      List<Object[]> blockRows = new ArrayList<>();
      for (int i = from; i < to; i++) {
        blockRows.add(rowAt.apply(i));
      }
      stage.writeBlock(block, RecordStreams.of(stage, blockRows));
      blocks.add((long) block);
    }
    long written = System.nanoTime();
    stage.commit(blocks);
    long committed = System.nanoTime();
    assertThat(warehouse.rowCount(id, pt)).isEqualTo(rows);
    System.out.printf("BENCHMARK %s: %d rows, writeBlock %.0f ms, commit %.0f ms, total %.0f rows/s%n", label, rows,
        (written - start) / 1e6, (committed - written) / 1e6, rows / ((committed - start) / 1e9));
  }
}
