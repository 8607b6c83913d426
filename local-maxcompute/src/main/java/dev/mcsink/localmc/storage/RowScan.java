package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/** Reads of a table's committed rows: how many there are, and ranges of them in commit order. */
final class RowScan {
  /** DuckDB's largest LIMIT/OFFSET (2^62). */
  private static final long MAX_LIMIT = 1L << 62;

  private RowScan() {}

  static long count(DuckDBConnection c, TableMeta t, PartitionSpec spec)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM " + t.dataTable() + PartitionFilter.where(spec))) {
      PartitionFilter.bind(ps, spec, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The data columns a scan returns: all of them for an empty list, else the named ones in order. */
  static List<Column> projection(TableMeta t, List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      return new ArrayList<>(t.schema.columns());
    }
    List<Column> projected = new ArrayList<>();
    for (String name : columns) {
      projected.add(t.schema.column(name).orElseThrow(() -> new IllegalArgumentException(
          "Column " + name + " does not exist in table " + t.id)));
    }
    return projected;
  }

  /** Rows [start, start+count) of the spec's rows, in commit order, as MaxCompute values. */
  static void scan(DuckDBConnection c, TableMeta t, PartitionSpec spec, long start,
      long count, List<Column> projected, Consumer<Object[]> sink) throws SQLException {
    RowReader reader = new RowReader(projected);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + reader.selectList() + " FROM " + t.dataTable()
        + PartitionFilter.where(spec) + " ORDER BY " + TableMeta.SEQ_COLUMN + " LIMIT ? OFFSET ?")) {
      int next = PartitionFilter.bind(ps, spec, 1);
      ps.setLong(next, Math.min(count, MAX_LIMIT));
      ps.setLong(next + 1, Math.min(start, MAX_LIMIT));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(reader.read(rs));
        }
      }
    }
  }
}
