package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed result a query keeps for the instance tunnel, next to its CSV text. */
class TypedResultTest {
  @RegisterExtension
  final LocalSql sql = new LocalSql("p");

  private SqlOutcome run(String script) {
    return new MaxComputeSqlRunner(sql.warehouse(), sql.warehouse().queries(), LocalSql.ZONE).run("p", null, script);
  }

  @Test
  void aTableColumnKeepsItsDeclaredType() {
    sql.ok("CREATE TABLE t (v VARCHAR(5), c CHAR(2), j JSON, d DECIMAL, ts TIMESTAMP, dt DATETIME, day DATE);");
    sql.ok("INSERT INTO t VALUES ('ab', 'x', '{\"a\":1}', 1.5, '2024-01-02 03:04:05', '2024-01-02 03:04:05', '2024-01-02');");

    TypedResult result = run("SELECT * FROM t;").typed();

    assertThat(result.columns()).extracting(c -> c.type().typeName())
        .containsExactly("VARCHAR(5)", "CHAR(2)", "JSON", "DECIMAL", "TIMESTAMP", "DATETIME", "DATE");
    Object[] row = result.rows().get(0);
    assertThat(row[0]).isEqualTo("ab");
    assertThat(row[2]).isEqualTo("{\"a\":1}");
    assertThat(row[3]).isEqualTo(new BigDecimal("1.5"));
    assertThat(row[5]).isEqualTo(LocalDate.of(2024, 1, 2).atTime(3, 4, 5).atZone(LocalSql.ZONE).toInstant());
    assertThat(row[6]).isEqualTo(LocalDate.of(2024, 1, 2));
  }

  @Test
  void expressionsGetTheTypeDuckDbReportsAndMaxComputesNames() {
    sql.ok("CREATE TABLE t (id BIGINT, name STRING);");
    sql.ok("INSERT INTO t VALUES (1, 'a'), (2, 'b');");

    TypedResult result = run("SELECT count(*), upper(name) AS up, id + 0.5 FROM t GROUP BY name, id ORDER BY up;").typed();

    assertThat(result.columns()).extracting(Column::name).containsExactly("_c0", "up", "_c2");
    assertThat(result.columns()).extracting(c -> c.type().typeName()).containsExactly("BIGINT", "STRING", "DECIMAL(21,1)");
    assertThat(result.rows()).extracting(r -> r[1]).containsExactly("A", "B");
  }

  @Test
  void nestedColumnsComeBackAsJavaValuesOfTheirDeclaredType() {
    sql.ok("CREATE TABLE n (s STRUCT<raw:BINARY,at:DATETIME>, tags ARRAY<STRING>, m MAP<STRING,BIGINT>);");
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("k", 7L);
    Instant at = Instant.parse("2024-01-02T03:04:05.123Z");
    sql.warehouse().append(TableId.of("p", "n"), PartitionSpec.empty(),
        List.<Object[]>of(new Object[] {List.of(new byte[] {1, 2}, at), List.of("a", "b"), map}));

    TypedResult result = run("SELECT * FROM n;").typed();

    assertThat(result.columns()).extracting(c -> c.type().typeName())
        .containsExactly("STRUCT<raw:BINARY,at:DATETIME>", "ARRAY<STRING>", "MAP<STRING,BIGINT>");
    Object[] row = result.rows().get(0);
    List<?> struct = (List<?>) row[0];
    assertThat((byte[]) struct.get(0)).containsExactly(1, 2);
    assertThat(struct.get(1)).isEqualTo(at);
    assertThat(row[1]).isEqualTo(List.of("a", "b"));
    assertThat(row[2]).isEqualTo(map);
  }

  @Test
  void theCsvTextAndTheTypedRowsComeFromOneRunOfTheQuery() {
    sql.ok("CREATE TABLE t (id BIGINT);");
    sql.ok("INSERT INTO t VALUES (1), (2), (3);");

    // random() differs from one run to the next: typed rows read by a second run would not match the text
    SqlOutcome outcome = run("SELECT id, random() AS r FROM t ORDER BY id;");

    List<String> lines = outcome.csv().lines().toList();
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 3; i++) {
      Object[] row = outcome.typed().rows().get(i);
      assertThat(lines.get(i + 1)).isEqualTo(row[0] + "," + row[1]);
    }
  }

  @Test
  void repeatedColumnNamesAreKeptAsTheQueryReportsThem() {
    sql.ok("CREATE TABLE t (id BIGINT);");
    sql.ok("INSERT INTO t VALUES (1);");

    SqlOutcome outcome = run("SELECT id, id, NULL FROM t;");

    assertThat(outcome.csv()).isEqualTo("id,id,null\n1,1,\\N\n");
    assertThat(outcome.typed().columns()).extracting(Column::name).containsExactly("id", "id", "null");
    assertThat(outcome.typed().rows().get(0)).containsExactly(1L, 1L, null);
  }

  @Test
  void statementsWithoutAQueryResultHaveNoTypedResult() {
    SqlOutcome ddl = run("CREATE TABLE t (id BIGINT);");
    SqlOutcome insert = run("INSERT INTO t VALUES (1), (2);");

    assertThat(ddl.typed()).isNull();
    assertThat(insert.typed()).isNull();
    assertThat(insert.outputs()).containsExactly(Map.entry("p.t", 2L));
  }
}
