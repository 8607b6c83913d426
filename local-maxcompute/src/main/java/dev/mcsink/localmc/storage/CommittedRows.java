package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * Changes to a table's committed rows, each made in the caller's transaction together with the
 * catalog statistics it affects, so that row counts and sizes never drift from the rows.
 * The caller holds the table's lock, which orders the commit sequence numbers.
 */
final class CommittedRows {
  private CommittedRows() {}

  /**
   * Fails unless the partition rows are written to exists (an empty spec: the whole table). A write
   * that may find out afterwards need not ask: {@link #recordWrite} fails as well.
   */
  static void requirePartition(DuckDBConnection c, TableMeta t, PartitionSpec spec) throws SQLException {
    if (!spec.isEmpty() && CatalogStore.partition(c, t.tid, spec).isEmpty()) {
      throw noSuchPartition(t, spec);
    }
  }

  private static NotFoundException noSuchPartition(TableMeta t, PartitionSpec spec) {
    return new NotFoundException("Partition (" + spec + ") of table " + t.id + " does not exist");
  }

  /** Appends rows numbered from {@code firstSeq} and counts them in the statistics. */
  static void append(DuckDBConnection c, TableMeta t, PartitionSpec spec, List<Object[]> rows, long firstSeq)
      throws SQLException {
    long bytes = appendUncounted(c, t, spec, rows, firstSeq);
    recordWrite(c, t, spec, rows.size(), bytes, System.currentTimeMillis());
  }

  /** Appends rows numbered from {@code firstSeq}, leaving the statistics to the caller; returns their size. */
  static long appendUncounted(DuckDBConnection c, TableMeta t, PartitionSpec spec, List<Object[]> rows,
      long firstSeq) throws SQLException {
    long bytes = 0;
    try (DataRowAppender appender = new DataRowAppender(c, t, t.schema.columns(), spec)) {
      long seq = firstSeq;
      for (Object[] row : rows) {
        bytes += appender.append(seq++, row);
      }
    }
    return bytes;
  }

  /**
   * Statistics of a write: table and partition row counts, sizes and modification times; fails, so
   * that the caller's transaction rolls back, when the partition does not exist.
   */
  static void recordWrite(DuckDBConnection c, TableMeta t, PartitionSpec spec, long rows, long bytes, long now)
      throws SQLException {
    CatalogStore.addToTable(c, t.tid, rows, bytes, now);
    if (!spec.isEmpty() && !CatalogStore.addToPartition(c, t.tid, spec, rows, bytes, now)) {
      throw noSuchPartition(t, spec);
    }
  }

  /** Deletes the rows of the table or partition and zeroes their statistics (overwrite, truncate). */
  static void clear(DuckDBConnection c, TableMeta t, PartitionSpec spec, long now) throws SQLException {
    delete(c, t, spec);
    if (spec.isEmpty()) {
      CatalogStore.update(c, "UPDATE mc.tables SET record_count = 0, size_bytes = 0, last_modified = ?"
          + " WHERE tid = ?", now, t.tid);
    } else {
      Optional<PartitionInfo> before = CatalogStore.partition(c, t.tid, spec);
      if (before.isPresent()) {
        CatalogStore.addToTable(c, t.tid, -before.get().recordCount(), -before.get().sizeBytes(), now);
      }
    }
    CatalogStore.clearPartitions(c, t.tid, spec, now);
  }

  /** Deletes the rows only; the caller settles the statistics (a dropped partition loses its entry). */
  static void delete(DuckDBConnection c, TableMeta t, PartitionSpec spec) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.dataTable() + PartitionFilter.where(spec))) {
      PartitionFilter.bind(ps, spec, 1);
      ps.executeUpdate();
    }
  }
}
