package dev.mcsink.conformance.jdbc;

import dev.mcsink.localmc.LocalMaxCompute;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens connections the way a JDBC tool does: a {@code jdbc:odps:} URL naming the endpoint and
 * project, the AccessKey pair as user and password. Reads nothing else off the server object.
 */
final class JdbcConnections {
  private JdbcConnections() {
  }

  /** The URL a user types into DBeaver or DataGrip. */
  static String url(LocalMaxCompute mc, String project) {
    return "jdbc:odps:" + mc.endpoint() + "?project=" + project;
  }

  static Connection open(LocalMaxCompute mc) throws SQLException {
    return DriverManager.getConnection(url(mc, mc.projects().get(0)), mc.accessId(), mc.accessKey());
  }

  /** Runs one statement that returns no rows. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** One column of a query's rows, as {@link ResultSet#getObject(int)} gives them. */
  static List<Object> column(Connection connection, String query) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
    }
    return values;
  }

  /** A column of a metadata result set, by label. */
  static List<String> strings(ResultSet rs, String label) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(label));
      }
    }
    return values;
  }
}
