package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Reads a whole query result as MaxCompute values. A result column named like a column of a table
 * the query reads, and of the DuckDB type that table column shows in SQL, keeps the table's type
 * (so VARCHAR(n), CHAR(n), JSON, the legacy DECIMAL and BINARY inside a STRUCT survive a
 * {@code SELECT *}); other columns get the type DuckDB reports ({@link DuckDbTypeNames}).
 *
 * <p>The query runs once, as a subquery selected twice over: its columns as they are, for the
 * caller's {@link SqlQueries.ShownRows}, then each converted for {@link RowReader}.
 */
final class DuckDbResultReader {
  private DuckDbResultReader() {}

  static QueryResult read(DuckDBConnection c, String duckDbSql, Map<String, MaxComputeType> declared,
      SqlQueries.ShownRows shown) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> duckDbTypes = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(duckDbSql)) {
      ResultSetMetaData meta = ps.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnName(i);
        names.add(name);
        duckDbTypes.add(meta.getColumnTypeName(i));
        columns.add(new Column("c" + i, type(meta.getColumnTypeName(i), declared.get(name.toLowerCase(Locale.ROOT))),
            "", true));
      }
    }
    // The names and types the query itself reports: through a subquery DuckDB renames duplicate
    // names (a, a_1) and types an untyped NULL, and the shown rows must not see that.
    shown.columns(names, duckDbTypes);
    RowReader reader = RowReader.ofQueryResult(columns);
    List<Object[]> rows = new ArrayList<>();
    String sql = "SELECT *" + (columns.isEmpty() ? "" : ", " + reader.selectList()) + " FROM (" + duckDbSql + ")";
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        shown.row(rs);
        rows.add(reader.read(rs, columns.size()));
      }
    }
    return new QueryResult(names, columns.stream().map(Column::type).toList(), rows);
  }

  private static MaxComputeType type(String duckDbType, MaxComputeType declared) {
    MaxComputeType reported = DuckDbTypeNames.maxComputeType(duckDbType);
    boolean sameInSql = declared != null
        && DuckDbTypeNames.maxComputeType(PhysicalTypes.sqlType(declared)).equals(reported);
    return sameInSql ? declared : reported;
  }
}
