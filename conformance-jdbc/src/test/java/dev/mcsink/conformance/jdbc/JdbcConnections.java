package dev.mcsink.conformance.jdbc;

import dev.mcsink.localmc.LocalMaxCompute;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens connections the way a JDBC tool does: a {@code jdbc:odps:} URL naming the endpoint and
 * project, the AccessKey pair as user and password. Reads nothing else off the server object.
 */
final class JdbcConnections {
  private JdbcConnections() {
  }

  /** The URL a user types into DBeaver or DataGrip. */
  static String url(LocalMaxCompute mc) {
    return "jdbc:odps:" + mc.endpoint() + "?project=" + mc.projects().get(0);
  }

  static Connection open(LocalMaxCompute mc) throws SQLException {
    return DriverManager.getConnection(url(mc), mc.accessId(), mc.accessKey());
  }

  /** Runs one statement that returns no rows. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
