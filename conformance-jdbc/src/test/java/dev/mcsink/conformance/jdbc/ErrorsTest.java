package dev.mcsink.conformance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failed statements surface as SQLException carrying MaxCompute's ODPS-nnnnnnn message. */
class ErrorsTest {
  @RegisterExtension
  static final LocalMaxComputeJdbc MC = new LocalMaxComputeJdbc();

  @BeforeAll
  static void connect() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE existing (id BIGINT, name STRING)");
  }


  @Test
  void aMissingTableIsNamed() {
    assertThatThrownBy(() -> JdbcConnections.column(MC.connection(), "SELECT * FROM missing_table"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ODPS-0130131")
        .hasMessageContaining("Table not found")
        .hasMessageContaining("missing_table");
  }

  @Test
  void aParseErrorIsReported() {
    assertThatThrownBy(() -> JdbcConnections.execute(MC.connection(), "SELEC id FROM existing"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ODPS-0130161")
        .hasMessageContaining("Parse exception");
  }

  @Test
  void aMissingColumnIsNamed() {
    assertThatThrownBy(() -> JdbcConnections.column(MC.connection(), "SELECT no_such_column FROM existing"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ODPS-0130071")
        .hasMessageContaining("no_such_column");
  }

  @Test
  void creatingAnExistingTableFails() {
    assertThatThrownBy(() -> JdbcConnections.execute(MC.connection(), "CREATE TABLE existing (id BIGINT)"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("existing")
        .hasMessageContaining("already exists");
  }

  @Test
  void insertingTheWrongTypeFails() {
    assertThatThrownBy(() -> JdbcConnections.execute(MC.connection(), "INSERT INTO existing VALUES (true, 'x')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ODPS-0130141");
  }

  @Test
  void theConnectionStaysUsableAfterAnError() throws Exception {
    assertThatThrownBy(() -> JdbcConnections.column(MC.connection(), "SELECT * FROM missing_table"))
        .isInstanceOf(SQLException.class);

    assertThat(JdbcConnections.column(MC.connection(), "SELECT count(*) FROM existing")).containsExactly(0L);
  }
}
