package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlterTableAddColumnsTest {
  private static final String P = "p";
  @RegisterExtension
  final LocalSql sql = new LocalSql(P);

  private java.util.List<Column> columns(String table) {
    return sql.warehouse().table(TableId.of(P, table)).orElseThrow().schema().columns();
  }

  @Test
  void newColumnsGoLastWithTheirCommentsAndOldRowsReadNull() {
    sql.ok("CREATE TABLE t (id BIGINT);");
    sql.ok("INSERT INTO t VALUES (1);");

    assertThat(sql.ok("ALTER TABLE t ADD COLUMNS (name STRING COMMENT 'display name', score DECIMAL(10,2));"))
        .isEmpty();

    assertThat(columns("t").stream().map(Column::name)).containsExactly("id", "name", "score");
    assertThat(columns("t").get(1).comment()).isEqualTo("display name");
    assertThat(columns("t").get(2).type().typeName()).isEqualTo("DECIMAL(10,2)");
    sql.ok("INSERT INTO t VALUES (2, 'b', 1.5);");
    assertThat(sql.ok("SELECT * FROM t ORDER BY id;")).isEqualTo("id,name,score\n1,\\N,\\N\n2,b,1.50\n");
    assertThat(sql.ok("DESC t;")).contains("| score").contains("display name");
  }

  @Test
  void anExistingColumnIsAnErrorUnlessIfNotExistsSkipsIt() {
    sql.ok("CREATE TABLE t (id BIGINT) PARTITIONED BY (pt STRING);");
    assertThat(sql.failure("ALTER TABLE t ADD COLUMNS (id STRING);"))
        .startsWith("ODPS-0130071:").contains("column id already exists");
    assertThat(sql.failure("ALTER TABLE t ADD COLUMNS (pt STRING);")).contains("column pt already exists");

    sql.ok("ALTER TABLE t ADD COLUMNS IF NOT EXISTS (id STRING, extra BIGINT);");

    assertThat(columns("t").stream().map(c -> c.name() + " " + c.type().typeName()))
        .containsExactly("id BIGINT", "extra BIGINT");
  }

  /** Two sink tasks meeting the same new field at once: both statements succeed (found by bin/chaos routing-evolution). */
  @Test
  void concurrentIfNotExistsAddsOfTheSameColumnBothSucceed() throws Exception {
    sql.ok("CREATE TABLE t (id BIGINT) PARTITIONED BY (pt STRING);");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 20; i++) {
        String alter = "ALTER TABLE t ADD COLUMNS IF NOT EXISTS (c" + i + " STRING);";
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> add = () -> {
          together.await();
          return sql.ok(alter);
        };
        for (Future<String> result : pool.invokeAll(List.of(add, add))) {
          result.get(); // rethrows the failure of either statement
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(columns("t")).hasSize(21);
  }

  @Test
  void partitionedTablesGainTheColumnInEveryPartition() {
    sql.ok("CREATE TABLE t (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.ok("INSERT INTO t PARTITION (pt='a') VALUES (1);");
    sql.ok("ALTER TABLE t ADD COLUMNS (tags ARRAY<STRING>);");
    sql.ok("INSERT INTO t PARTITION (pt='b') (id) VALUES (2);");
    assertThat(sql.ok("SELECT id, tags, pt FROM t ORDER BY id;")).isEqualTo("id,tags,pt\n1,\\N,a\n2,\\N,b\n");
  }

  @Test
  void aMalformedAddColumnsIsAParseError() {
    sql.ok("CREATE TABLE t (id BIGINT);");
    assertThat(sql.failure("ALTER TABLE t ADD COLUMNS (x NOSUCHTYPE);")).startsWith("ODPS-0130161:");
    assertThat(sql.failure("ALTER TABLE t ADD COLUMNS (x BIGINT) LIFECYCLE 3;")).startsWith("ODPS-0130161:");
    assertThat(columns("t")).hasSize(1);
  }
}
