package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Delta table in the warehouse keeps one committed row per primary key, whoever writes it. */
class KeyedRowsTest {
  private static final String P = "p1";
  private static final PartitionSpec NONE = PartitionSpec.empty();
  @TempDir
  Path dir;
  private DuckDbWarehouse warehouse;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir);
    warehouse.ensureProject(P);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  @Test
  void laterChangeOfAKeyWinsAndDeletesRemoveKeys() {
    TableId id = delta("t", List.of());
    warehouse.applyKeyed(id, NONE, List.of(upsert(1, "a"), upsert(2, "b"), upsert(3, "c")));

    warehouse.applyKeyed(id, NONE, List.of(upsert(1, "a1"), upsert(1, "a2"), KeyedChange.delete(row(2, "ignored")),
        KeyedChange.delete(row(4, null)), KeyedChange.delete(row(5, null)), upsert(5, "e")));

    assertThat(contents(id, NONE)).containsExactly("1=a2", "3=c", "5=e");
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(3);
  }

  @Test
  void appendsReplaceTheRowOfTheirKey() {
    TableId id = delta("t", List.of());
    warehouse.append(id, NONE, List.<Object[]>of(row(1, "a"), row(2, "b")));

    warehouse.append(id, NONE, List.<Object[]>of(row(1, "a2"), row(3, "c"), row(3, "c2")));

    assertThat(contents(id, NONE)).containsExactly("1=a2", "2=b", "3=c2");
    assertThat(warehouse.rowCount(id, NONE)).isEqualTo(3);
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(3);
  }

  @Test
  void uploadCommitsReplaceTheRowOfTheirKey() {
    TableId id = delta("t", List.of());
    warehouse.append(id, NONE, List.<Object[]>of(row(1, "a")));
    UploadStage stage = warehouse.openUploadStage("u1", id, NONE, false);
    stage.writeBlock(0, RecordStreams.of(stage, List.<Object[]>of(row(1, "a2"), row(2, "b"))));

    stage.commit(List.of(0L));

    assertThat(contents(id, NONE)).containsExactly("1=a2", "2=b");
  }

  @Test
  void keysAreUniquePerPartitionOnly() {
    TableId id = delta("t", List.of(Column.of("pt", "STRING")));
    PartitionSpec a = PartitionSpec.of(Map.of("pt", "a"));
    PartitionSpec b = PartitionSpec.of(Map.of("pt", "b"));
    warehouse.createPartition(id, a);
    warehouse.createPartition(id, b);
    warehouse.applyKeyed(id, a, List.of(upsert(1, "a")));

    warehouse.applyKeyed(id, b, List.of(upsert(1, "b")));

    assertThat(contents(id, a)).containsExactly("1=a");
    assertThat(contents(id, b)).containsExactly("1=b");
  }

  @Test
  void plainTablesTakeNoKeyedChanges() {
    TableId id = TableId.of(P, "plain");
    warehouse.createTable(id, schema(List.of()), "", -1);

    assertThatThrownBy(() -> warehouse.applyKeyed(id, NONE, List.of(upsert(1, "a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tablePropertiesSurviveAReopen() {
    delta("t", List.of());
    warehouse.close();
    warehouse = DuckDbWarehouse.open(dir);

    TableProperties properties = warehouse.table(TableId.of(P, "t")).orElseThrow().properties();

    assertThat(properties).isEqualTo(new TableProperties(true, List.of("k"), 4));
  }

  @Test
  void catalogWrittenBeforeDeltaTablesOpensWithPlainTables() throws Exception {
    warehouse.createTable(TableId.of(P, "old"), schema(List.of()), "", -1);
    warehouse.close();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
         Statement s = c.createStatement()) {
      for (String column : List.of("transactional", "primary_key", "bucket_num")) {
        s.execute("ALTER TABLE mc.tables DROP COLUMN " + column);
      }
    }
    warehouse = DuckDbWarehouse.open(dir);

    assertThat(warehouse.table(TableId.of(P, "old")).orElseThrow().properties()).isEqualTo(TableProperties.NONE);
    assertThat(warehouse.createTable(TableId.of(P, "new"), schema(List.of()),
        new TableProperties(true, List.of("k"), 2), "", -1)).isTrue();
  }

  @Test
  void primaryKeyWithoutTransactionalIsRefused() {
    assertThatThrownBy(() -> warehouse.createTable(TableId.of(P, "t"), schema(List.of()),
        new TableProperties(false, List.of("k"), 4), "", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transactional");
  }

  private TableId delta(String name, List<Column> partitions) {
    TableId id = TableId.of(P, name);
    assertThat(warehouse.createTable(id, schema(partitions), new TableProperties(true, List.of("k"), 4), "", -1))
        .isTrue();
    return id;
  }

  private static TableSchema schema(List<Column> partitions) {
    return new TableSchema(List.of(new Column("k", MaxComputeType.parse("BIGINT"), "", false),
        Column.of("v", "STRING")), partitions);
  }

  private static Object[] row(long k, String v) {
    return new Object[] {k, v};
  }

  private static KeyedChange upsert(long k, String v) {
    return KeyedChange.upsert(row(k, v));
  }

  private List<String> contents(TableId id, PartitionSpec spec) {
    List<String> rows = new ArrayList<>();
    warehouse.scan(id, spec, 0, Long.MAX_VALUE, List.of(), r -> rows.add(r[0] + "=" + r[1]));
    rows.sort(null);
    return rows;
  }
}
