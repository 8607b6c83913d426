package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InsertIntoTablesTest {
  private static final String P = "p";
  @RegisterExtension
  final LocalSql sql = new LocalSql(P);

  private List<String> rows(String table, String spec) {
    List<String> rows = new ArrayList<>();
    sql.warehouse().scan(TableId.of(P, table), PartitionSpec.parse(spec), 0, Long.MAX_VALUE, List.of(),
        r -> rows.add(Arrays.toString(r)));
    return rows;
  }

  @Test
  void valuesWithMaxComputeLiteralsLandInTheTableAndTheResultIsEmpty() {
    sql.ok("CREATE TABLE t (id BIGINT, name STRING, score DOUBLE, d DECIMAL(10,2), ok BOOLEAN);");
    String result = sql.ok("INSERT INTO TABLE t VALUES (1L, \"a\", 1.5, 2.25BD, true), (2, 'b', 3, 4, false);");
    assertThat(result).isEmpty();
    assertThat(rows("t", "")).containsExactly("[1, a, 1.5, 2.25, true]", "[2, b, 3.0, 4.00, false]");
    assertThat(sql.ok("SELECT count(*) AS n FROM t;")).isEqualTo("n\n2\n");
    assertThat(sql.warehouse().table(TableId.of(P, "t")).orElseThrow().recordCount()).isEqualTo(2);
  }

  @Test
  void aColumnListFillsTheOthersWithNull() {
    sql.ok("CREATE TABLE t (id BIGINT, name STRING, score DOUBLE);");
    sql.ok("INSERT INTO t (score, id) VALUES (0.5, 7);");
    assertThat(rows("t", "")).containsExactly("[7, null, 0.5]");
  }

  @Test
  void staticPartitionIsCreatedAndOverwriteReplacesItsRows() {
    sql.ok("CREATE TABLE t (id BIGINT, s STRING) PARTITIONED BY (pt STRING, dt STRING);");
    sql.ok("INSERT INTO TABLE t PARTITION (pt='a', dt='1') VALUES (1, 'x'), (2, 'y');");
    sql.ok("INSERT INTO TABLE t PARTITION (pt='b', dt='1') VALUES (3, 'z');");
    sql.ok("INSERT OVERWRITE TABLE t PARTITION (pt='a', dt='1') SELECT id * 10, upper(s) FROM t WHERE pt = 'a';");
    assertThat(rows("t", "pt=a,dt=1")).containsExactly("[10, X]", "[20, Y]");
    assertThat(rows("t", "pt=b,dt=1")).containsExactly("[3, z]");
    assertThat(sql.ok("SHOW PARTITIONS t;")).isEqualTo("pt=a/dt=1\npt=b/dt=1\n");
  }

  @Test
  void overwriteOfAnUnpartitionedTableWithNoRowsEmptiesIt() {
    sql.ok("CREATE TABLE t (id BIGINT);");
    sql.ok("INSERT INTO t VALUES (1), (2);");
    sql.ok("INSERT OVERWRITE TABLE t SELECT id FROM t WHERE id > 5;");
    assertThat(rows("t", "")).isEmpty();
    assertThat(sql.warehouse().table(TableId.of(P, "t")).orElseThrow().recordCount()).isZero();
  }

  @Test
  void dynamicPartitionTakesItsValueFromTheLastSelectedColumn() {
    sql.ok("CREATE TABLE src (id BIGINT, region STRING);");
    sql.ok("INSERT INTO src VALUES (1, 'east'), (2, 'west'), (3, 'east');");
    sql.ok("CREATE TABLE t (id BIGINT) PARTITIONED BY (region STRING);");
    sql.ok("INSERT OVERWRITE TABLE t PARTITION (region) SELECT id, region FROM src;");
    assertThat(rows("t", "region=east")).containsExactly("[1]", "[3]");
    assertThat(rows("t", "region=west")).containsExactly("[2]");
  }

  @Test
  void stringsAndIntegersConvertAsMaxComputeAllowsImplicitly() {
    sql.ok("CREATE TABLE t (i INT, b BIGINT, d DATE, dt DATETIME, s STRING, x DOUBLE);");
    sql.ok("INSERT INTO t VALUES (7, '42', '2024-03-01', '2024-03-01 08:00:00', 12, '2.5');");
    assertThat(rows("t", "")).containsExactly("[7, 42, " + LocalDate.of(2024, 3, 1) + ", "
        + Instant.parse("2024-03-01T00:00:00Z") + ", 12, 2.5]");
    assertThat(sql.ok("SELECT dt FROM t;")).isEqualTo("dt\n2024-03-01 08:00:00\n");
  }

  @Test
  void conversionsMaxComputeRefusesAreIllegalImplicitCasts() {
    sql.ok("CREATE TABLE t (id BIGINT, ok BOOLEAN);");
    assertThat(sql.failure("INSERT INTO t VALUES (1.5, true);"))
        .startsWith("ODPS-0130141:").contains("Illegal implicit type cast").contains("column id of type BIGINT");
    assertThat(sql.failure("INSERT INTO t VALUES (1, 'yes');"))
        .startsWith("ODPS-0130141:").contains("column ok of type BOOLEAN");
    assertThat(rows("t", "")).isEmpty();
  }

  @Test
  void aBareNullGoesIntoAColumnOfAnyType() {
    sql.ok("CREATE TABLE t (id BIGINT, ok BOOLEAN, dt DATETIME, b BINARY);");
    sql.ok("INSERT INTO t SELECT 1, NULL, NULL, NULL;");
    sql.ok("INSERT INTO t VALUES (2, NULL, NULL, NULL);");
    assertThat(rows("t", "")).containsExactly("[1, null, null, null]", "[2, null, null, null]");
    assertThat(sql.failure("INSERT INTO t SELECT 3, 1, NULL, NULL;")).startsWith("ODPS-0130141:")
        .contains("column ok of type BOOLEAN");
  }

  @Test
  void valuesThatDoNotFitTheColumnFailTheWholeStatement() {
    sql.ok("CREATE TABLE t (n TINYINT, d DECIMAL(4,2));");
    assertThat(sql.failure("INSERT INTO t VALUES (1, 1.0), (300, 1.0);")).startsWith("ODPS-0123131:").contains("300");
    assertThat(sql.failure("INSERT INTO t VALUES (1, 123.45);")).startsWith("ODPS-0130071:").contains("DECIMAL(4,2)");
    assertThat(sql.failure("INSERT INTO t VALUES ('x', 1);")).startsWith("ODPS-0123131:");
    assertThat(rows("t", "")).isEmpty();
  }

  @Test
  void mismatchedColumnCountsAndUnknownTargetsAreSemanticErrors() {
    sql.ok("CREATE TABLE t (id BIGINT, s STRING) PARTITIONED BY (pt STRING);");
    assertThat(sql.failure("INSERT INTO t PARTITION (pt='a') VALUES (1);"))
        .startsWith("ODPS-0130071:").contains("the source has 1 columns, the target 2");
    assertThat(sql.failure("INSERT INTO t PARTITION (pt='a') (nope) VALUES (1);"))
        .startsWith("ODPS-0130071:").contains("column nope cannot be resolved");
    assertThat(sql.failure("INSERT INTO t VALUES (1, 'a');"))
        .startsWith("ODPS-0130071:").contains("must name its partition columns");
    assertThat(sql.failure("INSERT INTO missing VALUES (1);")).startsWith("ODPS-0130131:");
    assertThat(sql.failure("INSERT t VALUES (1);")).startsWith("ODPS-0130161:");
    assertThat(sql.warehouse().partitions(TableId.of(P, "t"))).isEmpty();
  }

  @Test
  void nestedValuesAreBuiltWithMaxComputesConstructors() {
    sql.ok("CREATE TABLE t (tags ARRAY<STRING>, attrs MAP<STRING,BIGINT>, person STRUCT<name:STRING, age:INT>,"
        + " days ARRAY<DATE>, pair STRUCT<a:BIGINT, b:STRING>);");
    sql.ok("INSERT INTO t VALUES (array('a', \"b\"), map('k', 1, 'j', 2), named_struct('name', 'ann', 'age', 30),"
        + " array(DATE '2024-01-01'), struct(7, 'x')), (array(), map(), NULL, NULL, NULL);");
    assertThat(rows("t", "")).containsExactly("[[a, b], {k=1, j=2}, [ann, 30], [2024-01-01], [7, x]]",
        "[[], {}, null, null, null]");
    assertThat(sql.ok("SELECT tags[1], attrs['j'], person.name, pair.b FROM t WHERE person IS NOT NULL;"))
        .isEqualTo("_c0,_c1,name,b\nb,2,ann,x\n");
    assertThat(sql.failure("INSERT INTO t (tags) VALUES (array(true));")).startsWith("ODPS-0130141:")
        .contains("column tags of type ARRAY<STRING>");
  }

  @Test
  void decimalsKeepTheirDigits() {
    sql.ok("CREATE TABLE t (d DECIMAL(20,4));");
    sql.ok("INSERT INTO t SELECT CAST('1234567890123.4567' AS DECIMAL(20,4));");
    assertThat(rows("t", "")).containsExactly("[" + new BigDecimal("1234567890123.4567") + "]");
  }
}
