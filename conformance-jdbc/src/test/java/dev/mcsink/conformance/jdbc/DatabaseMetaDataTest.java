package dev.mcsink.conformance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a tool's database navigator asks: schemas, tables (a paged listing), columns. */
class DatabaseMetaDataTest {
  private static final String OTHER = "other_project";

  @RegisterExtension
  static final LocalMaxComputeJdbc MC = new LocalMaxComputeJdbc(b -> b.project("project_name").project(OTHER));

  private static DatabaseMetaData meta;

  @BeforeAll
  static void createTables() throws Exception {
    meta = MC.connection().getMetaData();
    JdbcConnections.execute(MC.connection(),
        "CREATE TABLE orders (id BIGINT COMMENT 'order id', amount DECIMAL(10,2), placed DATETIME) PARTITIONED BY (ds STRING) COMMENT 'all orders'");
    JdbcConnections.execute(MC.connection(), "CREATE TABLE order_lines (id BIGINT, sku STRING)");
    JdbcConnections.execute(MC.connection(), "CREATE TABLE customers (id BIGINT)");
    JdbcConnections.execute(MC.connection(), "CREATE TABLE " + OTHER + ".elsewhere (id BIGINT)");
  }


  @Test
  void schemasAndCatalogsAreTheProject() throws Exception {
    // two tiers: catalog == schema == project, and the driver lists the connection's project only
    assertThat(JdbcConnections.strings(meta.getSchemas(), "TABLE_SCHEM")).containsExactly("project_name");
    assertThat(JdbcConnections.strings(meta.getCatalogs(), "TABLE_CAT")).containsExactly("project_name");
  }

  @Test
  void getTablesListsTheProjectsTablesWithTheirComments() throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        rows.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE")
            + " '" + rs.getString("REMARKS") + "'");
      }
    }
    assertThat(rows).containsExactlyInAnyOrder(
        "project_name.customers TABLE ''", "project_name.order_lines TABLE ''", "project_name.orders TABLE 'all orders'");
  }

  @Test
  void getTablesFiltersByNamePatternAndType() throws Exception {
    assertThat(JdbcConnections.strings(meta.getTables(null, "project_name", "order%", new String[] {"TABLE"}), "TABLE_NAME"))
        .containsExactlyInAnyOrder("orders", "order_lines");
    assertThat(JdbcConnections.strings(meta.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
  }

  @Test
  void getColumnsDescribesDataAndPartitionColumns() throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, "orders", "%")) {
      while (rs.next()) {
        rows.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
            + " " + rs.getInt("DATA_TYPE") + " '" + rs.getString("REMARKS") + "'");
      }
    }
    assertThat(rows).containsExactly(
        "1 id BIGINT " + Types.BIGINT + " 'order id'",
        "2 amount DECIMAL(10,2) " + Types.DECIMAL + " ''",
        "3 placed DATETIME " + Types.TIMESTAMP + " ''",
        "4 ds STRING " + Types.VARCHAR + " ''");
  }

  @Test
  void theDriversOwnListsAndTheEmptyOnesAnswer() throws Exception {
    assertThat(JdbcConnections.strings(meta.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
    assertThat(JdbcConnections.strings(meta.getTypeInfo(), "TYPE_NAME")).contains("BIGINT", "STRING", "DECIMAL", "TIMESTAMP");
    assertThat(JdbcConnections.strings(meta.getFunctions(null, null, "%"), "FUNCTION_NAME")).isEmpty();
    assertThat(JdbcConnections.strings(meta.getPrimaryKeys(null, null, "orders"), "COLUMN_NAME")).isEmpty();
    // the driver lists columns of one named table only
    assertThat(JdbcConnections.strings(meta.getColumns(null, null, "%", "%"), "COLUMN_NAME")).isEmpty();
  }

  /** What a navigator does on opening a table: its columns with the schema it listed, then a data preview. */
  @Test
  void aNavigatorOpensATableByItsSchemaAndPreviewsIt() throws Exception {
    assertThat(JdbcConnections.strings(meta.getColumns(null, "project_name", "order_lines", "%"), "COLUMN_NAME"))
        .containsExactly("id", "sku");
    JdbcConnections.execute(MC.connection(), "INSERT INTO order_lines VALUES (7, 'sku-7')");

    assertThat(JdbcConnections.column(MC.connection(), "SELECT sku FROM project_name.order_lines LIMIT 200"))
        .containsExactly("sku-7");
  }

  @Test
  void getColumnsOfAMissingTableFails() {
    assertThatThrownBy(() -> meta.getColumns(null, null, "no_such_table", "%"))
        .isInstanceOf(SQLException.class)
        .hasStackTraceContaining("no_such_table");
  }

  /** The driver's SDK (0.43.3) predates the JSON type: it cannot describe such a column. */
  @Test
  void aJsonColumnIsBeyondTheDriver() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE with_json (id BIGINT, doc JSON)");

    assertThatThrownBy(() -> meta.getColumns(null, null, "with_json", "%"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Invalid odps type: JSON");
  }

  @Test
  void anotherProjectsTablesAreListedWhenItIsNamed() throws Exception {
    assertThat(JdbcConnections.strings(meta.getTables(OTHER, OTHER, "%", null), "TABLE_NAME")).containsExactly("elsewhere");
    try (Connection other = java.sql.DriverManager.getConnection(JdbcConnections.url(MC.service(), OTHER),
        MC.service().accessId(), MC.service().accessKey())) {
      assertThat(JdbcConnections.strings(other.getMetaData().getTables(null, null, "%", null), "TABLE_NAME"))
          .containsExactly("elsewhere");
    }
  }
}
