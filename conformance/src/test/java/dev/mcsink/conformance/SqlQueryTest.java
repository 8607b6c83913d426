package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SELECT over rows uploaded through the tunnel, filtering on data and partition columns. */
class SqlQueryTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static final String SALES = UniqueNames.table("sales");
  private static final String N = SqlRunner.NULL_TEXT;

  private static SqlRunner sql;

  @BeforeAll
  static void loadSales() throws Exception {
    Odps odps = SdkClients.odps(MC.service());
    sql = new SqlRunner(odps);
    TunnelRows rows = new TunnelRows(SdkClients.tunnel(odps), odps.getDefaultProject());
    sql.execute("CREATE TABLE " + SALES + " (id BIGINT, item STRING, qty INT, price DOUBLE, amount DECIMAL(10,2))"
        + " PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + SALES + " ADD PARTITION (pt='20240101') PARTITION (pt='20240102') PARTITION (pt='20240103');");
    rows.upload(SALES, TunnelRows.spec("pt", "20240101"), TunnelRows.rows(
        new Object[] {1L, "apple", 3, 1.5d, new BigDecimal("4.50")},
        new Object[] {2L, "pear", 1, 2.25d, new BigDecimal("2.25")},
        new Object[] {3L, "apple", 5, 1.5d, new BigDecimal("7.50")}));
    rows.upload(SALES, TunnelRows.spec("pt", "20240102"), TunnelRows.rows(
        new Object[] {4L, "plum", 2, 9.5d, new BigDecimal("19.00")},
        new Object[] {5L, null, 7, 0.5d, new BigDecimal("3.50")}));
  }

  @Test
  void selectStarListsDataColumnsThenPartitionColumns() throws Exception {
    assertThat(sql.header(SqlRunner.FULLSCAN + "SELECT * FROM " + SALES + " WHERE id = 1;"))
        .containsExactly("id", "item", "qty", "price", "amount", "pt");
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN + "SELECT id, item, qty, pt FROM " + SALES + " WHERE id = 1;");
    assertThat(rows).containsExactly(List.of("1", "apple", "3", "20240101"));
  }

  @Test
  void whereOnADataColumnFiltersAcrossPartitions() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN
        + "SELECT id FROM " + SALES + " WHERE qty > 2 ORDER BY id LIMIT 100;");

    assertThat(rows).containsExactly(List.of("1"), List.of("3"), List.of("5"));
  }

  @Test
  void whereOnThePartitionColumnNeedsNoFullScan() throws Exception {
    List<List<String>> rows = sql.query(
        "SELECT id, pt FROM " + SALES + " WHERE pt = '20240102' ORDER BY id LIMIT 100;");

    assertThat(rows).containsExactly(List.of("4", "20240102"), List.of("5", "20240102"));
  }

  @Test
  void emptyPartitionSelectsNothing() throws Exception {
    assertThat(sql.query("SELECT id FROM " + SALES + " WHERE pt = '20240103';")).isEmpty();
    assertThat(sql.scalar("SELECT COUNT(*) FROM " + SALES + " WHERE pt = '20240103';")).isEqualTo("0");
  }

  @Test
  void orderByWithLimitReturnsTheTopRows() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN
        + "SELECT id, price FROM " + SALES + " ORDER BY price DESC, id ASC LIMIT 3;");

    assertThat(rows).extracting(r -> r.get(0)).containsExactly("4", "2", "1");
    assertThat(Double.parseDouble(rows.get(0).get(1))).isEqualTo(9.5d);
  }

  @Test
  void aggregatesOverAllPartitions() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN
        + "SELECT COUNT(*), MIN(qty), MAX(qty), SUM(qty), MAX(price), SUM(amount) FROM " + SALES + ";");

    assertThat(rows).hasSize(1);
    List<String> row = rows.get(0);
    assertThat(row.subList(0, 4)).containsExactly("5", "1", "7", "18");
    assertThat(Double.parseDouble(row.get(4))).isEqualTo(9.5d);
    assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo("36.75");
  }

  @Test
  void countOfAColumnSkipsNulls() throws Exception {
    assertThat(sql.scalar(SqlRunner.FULLSCAN + "SELECT COUNT(item) FROM " + SALES + ";")).isEqualTo("4");
  }

  @Test
  void groupByThePartitionColumn() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN
        + "SELECT pt, COUNT(*) AS n FROM " + SALES + " GROUP BY pt ORDER BY pt LIMIT 10;");

    assertThat(rows).containsExactly(List.of("20240101", "3"), List.of("20240102", "2"));
  }

  @Test
  void groupByADataColumn() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN + "SELECT item, SUM(qty) AS total FROM " + SALES
        + " WHERE item IS NOT NULL GROUP BY item ORDER BY item LIMIT 10;");

    assertThat(rows).containsExactly(List.of("apple", "8"), List.of("pear", "1"), List.of("plum", "2"));
  }

  @Test
  void nullsPrintAsBackslashN() throws Exception {
    List<List<String>> rows = sql.query(SqlRunner.FULLSCAN
        + "SELECT id, item FROM " + SALES + " WHERE item IS NULL;");

    assertThat(rows).containsExactly(List.of("5", N));
  }

  @Test
  void fullScanHintAlsoWorksAsATaskSetting() throws Exception {
    List<List<String>> rows = sql.query("SELECT COUNT(*) FROM " + SALES + ";",
        Map.of("odps.sql.allow.fullscan", "true"));

    assertThat(rows).containsExactly(List.of("5"));
  }

  @Test
  void aliasesNameTheResultColumns() throws Exception {
    assertThat(sql.header(SqlRunner.FULLSCAN + "SELECT id AS order_id, qty * 2 AS doubled FROM " + SALES + " WHERE id = 2;"))
        .containsExactly("order_id", "doubled");
    assertThat(sql.query(SqlRunner.FULLSCAN + "SELECT qty * 2 AS doubled FROM " + SALES + " WHERE id = 2;"))
        .containsExactly(List.of("2"));
  }
}
