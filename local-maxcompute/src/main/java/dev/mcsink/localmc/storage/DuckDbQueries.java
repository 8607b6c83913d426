package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.TableId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** SQL queries over the tables' views ({@link TableMeta#sqlView}), each on a borrowed connection. */
final class DuckDbQueries implements SqlQueries {
  private final DuckDbConnections db;
  private final TableRegistry tables;

  DuckDbQueries(DuckDbConnections db, TableRegistry tables) {
    this.db = db;
    this.tables = tables;
  }

  @Override
  public String relation(TableId id) {
    return tables.require(id).sqlView();
  }

  @Override
  public QueryResult table(String duckDbSql, Map<String, MaxComputeType> declared, ShownRows shown)
      throws SQLException {
    return onConnection(c -> DuckDbResultReader.read(c, duckDbSql, declared, shown));
  }

  @Override
  public <T> T query(String duckDbSql, ResultHandler<T> handler) throws SQLException {
    return onConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(duckDbSql); ResultSet rs = ps.executeQuery()) {
        return handler.handle(rs);
      }
    });
  }

  private <T> T onConnection(DuckDbConnections.Work<T> work) throws SQLException {
    try {
      return db.withConnection(work);
    } catch (DuckDbConnections.StorageException e) {
      // The SQL layer turns DuckDB's messages into MaxCompute's, so it needs them as they are.
      throw (SQLException) e.getCause();
    }
  }
}
