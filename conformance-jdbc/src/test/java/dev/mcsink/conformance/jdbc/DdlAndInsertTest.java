package dev.mcsink.conformance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DDL and INSERT as a SQL editor sends them, and the counts the driver reports back. */
class DdlAndInsertTest {
  @RegisterExtension
  static final LocalMaxComputeJdbc MC = new LocalMaxComputeJdbc();

  /** In offline mode the driver hands every statement's task result back as a result set, empty for DDL. */
  @Test
  void ddlAnswersAnEmptyResultSetAndNoUpdateCount() throws Exception {
    try (Statement s = MC.connection().createStatement()) {
      assertThat(s.execute("CREATE TABLE ddl_only (id BIGINT, name STRING)")).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).isFalse();
      }
      assertThat(s.executeUpdate("DROP TABLE IF EXISTS no_such_table_here")).isZero();
    }
    assertThat(JdbcConnections.column(MC.connection(), "SELECT count(*) FROM ddl_only")).containsExactly(0L);
  }

  @Test
  void executeUpdateReturnsTheRowsAnInsertWrote() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE inserted (id BIGINT, name STRING)");
    try (Statement s = MC.connection().createStatement()) {
      int written = s.executeUpdate("INSERT INTO inserted VALUES (1, 'a'), (2, 'b'), (3, 'c')");

      assertThat(written).isEqualTo(3);
    }
    assertThat(JdbcConnections.column(MC.connection(), "SELECT name FROM inserted ORDER BY id")).containsExactly("a", "b", "c");
  }

  @Test
  void insertOverwriteReplacesAPartitionAndCountsItsRows() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE by_day (id BIGINT) PARTITIONED BY (ds STRING)");
    try (Statement s = MC.connection().createStatement()) {
      s.executeUpdate("INSERT INTO by_day PARTITION (ds='2024-01-01') VALUES (1), (2)");
      s.executeUpdate("INSERT INTO by_day PARTITION (ds='2024-01-02') VALUES (3)");

      int written = s.executeUpdate("INSERT OVERWRITE TABLE by_day PARTITION (ds='2024-01-01') VALUES (10)");

      assertThat(written).isEqualTo(1);
    }
    assertThat(JdbcConnections.column(MC.connection(), "SELECT id FROM by_day ORDER BY id")).containsExactly(3L, 10L);
    assertThat(JdbcConnections.column(MC.connection(), "SELECT ds FROM by_day WHERE id = 10")).containsExactly("2024-01-01");
  }

  @Test
  void aDeltaTableKeepsTheNewestRowPerKey() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE keyed (id BIGINT NOT NULL PRIMARY KEY, name STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\")");
    JdbcConnections.execute(MC.connection(), "INSERT INTO keyed VALUES (1, 'a'), (2, 'b')");

    JdbcConnections.execute(MC.connection(), "INSERT INTO keyed VALUES (2, 'b2'), (3, 'c')");

    assertThat(JdbcConnections.column(MC.connection(), "SELECT name FROM keyed ORDER BY id"))
        .containsExactly("a", "b2", "c");
  }

  @Test
  void insertSelectCopiesRows() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE copy_src (id BIGINT, name STRING)");
    JdbcConnections.execute(MC.connection(), "CREATE TABLE copy_dst (id BIGINT, name STRING)");
    try (Statement s = MC.connection().createStatement()) {
      s.executeUpdate("INSERT INTO copy_src VALUES (1, 'x'), (2, 'y')");

      assertThat(s.executeUpdate("INSERT INTO copy_dst SELECT id * 10, upper(name) FROM copy_src")).isEqualTo(2);
    }
    assertThat(JdbcConnections.column(MC.connection(), "SELECT name FROM copy_dst ORDER BY id")).containsExactly("X", "Y");
  }

  @Test
  void aPreparedStatementSendsItsParametersAsLiterals() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE prepared (id BIGINT, name STRING)");
    JdbcConnections.execute(MC.connection(), "INSERT INTO prepared VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    List<String> names = new ArrayList<>();
    try (PreparedStatement p = MC.connection().prepareStatement("SELECT name FROM prepared WHERE id > ? AND name <> ? ORDER BY id")) {
      p.setLong(1, 1);
      p.setString(2, "three");
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    assertThat(names).containsExactly("two");
  }

  @Test
  void aDroppedTableIsGone() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE dropped_soon (id BIGINT)");
    JdbcConnections.execute(MC.connection(), "DROP TABLE dropped_soon");

    assertThat(JdbcConnections.strings(MC.connection().getMetaData().getTables(null, null, "dropped_soon", null), "TABLE_NAME"))
        .isEmpty();
  }
}
