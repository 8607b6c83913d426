package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Keeps a Delta table at one committed row per primary key and partition, so that reads (SQL,
 * downloads) need not know about keys: whatever writes rows into it (upsert commits, streaming
 * appends, batch upload commits) deletes the rows its new rows replace, in the same transaction.
 * The caller holds the table's lock.
 */
final class KeyedRows {
  private KeyedRows() {}

  /**
   * Applies a change set with sequence numbers from {@code base}: the last operation on each key
   * wins; upserted rows are appended, deletes are appended as key-only rows that remove the
   * committed row of their key and are then removed themselves. Returns the numbers used.
   */
  static long apply(DuckDBConnection c, TableMeta t, PartitionSpec spec, List<KeyedChange> changes, long base)
      throws SQLException {
    Map<List<Object>, KeyedChange> last = new LinkedHashMap<>();
    for (KeyedChange change : changes) {
      List<Object> key = key(t, change.row());
      last.remove(key);
      last.put(key, change);
    }
    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> deletes = new ArrayList<>();
    int width = t.schema.columns().size();
    for (KeyedChange change : last.values()) {
      // A session opened before ALTER TABLE ADD COLUMNS wrote with its older, narrower schema:
      // the added columns (always last) are NULL in its rows.
      Object[] row = Arrays.copyOf(change.row(), width);
      if (change.delete()) {
        deletes.add(keyOnly(t, row));
      } else {
        upserts.add(row);
      }
    }
    List<Object[]> all = new ArrayList<>(upserts);
    all.addAll(deletes);
    long bytes = CommittedRows.appendUncounted(c, t, spec, all, base);
    CommittedRows.recordWrite(c, t, spec, upserts.size(), bytes, System.currentTimeMillis());
    supersede(c, t, spec, base);
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM " + t.dataTable() + " WHERE " + TableMeta.SEQ_COLUMN + " >= ?")) {
      ps.setLong(1, base + upserts.size());
      ps.executeUpdate();
    }
    return all.size();
  }

  /**
   * In a Delta table, deletes every row of the partition that a row numbered from {@code base}
   * replaces (same key, lower number) and takes it out of the statistics; does nothing in other tables.
   */
  static long supersede(DuckDBConnection c, TableMeta t, PartitionSpec spec, long base) throws SQLException {
    if (!t.properties.isDelta()) {
      return 0;
    }
    String seq = TableMeta.SEQ_COLUMN;
    StringBuilder sql = new StringBuilder("DELETE FROM " + t.dataTable() + " AS o WHERE EXISTS (SELECT 1 FROM "
        + t.dataTable() + " AS n WHERE n." + seq + " >= ? AND n." + seq + " > o." + seq);
    for (String key : t.properties.primaryKey()) {
      String quoted = PhysicalTypes.quote(key);
      sql.append(" AND n.").append(quoted).append(" = o.").append(quoted);
    }
    for (Column partition : t.schema.partitionColumns()) {
      String quoted = PhysicalTypes.quote(partition.name());
      sql.append(" AND n.").append(quoted).append(" = o.").append(quoted);
    }
    sql.append(')');
    long removed;
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setLong(1, base);
      removed = ps.executeUpdate();
    }
    if (removed > 0) {
      CommittedRows.recordWrite(c, t, spec, -removed, -removed * averageRowBytes(c, t, spec),
          System.currentTimeMillis());
    }
    return removed;
  }

  /** The mean size of the partition's (or table's) rows, to take replaced rows out of the sizes. */
  private static long averageRowBytes(DuckDBConnection c, TableMeta t, PartitionSpec spec) throws SQLException {
    long rows;
    long bytes;
    if (spec.isEmpty()) {
      TableInfo info = CatalogStore.tableInfo(c, t);
      rows = info.recordCount();
      bytes = info.sizeBytes();
    } else {
      PartitionInfo info = CatalogStore.partition(c, t.tid, spec).orElseThrow();
      rows = info.recordCount();
      bytes = info.sizeBytes();
    }
    return rows <= 0 ? 0 : bytes / rows;
  }

  /** The key values of a row, comparable with equals (bytes by content, decimals by value). */
  private static List<Object> key(TableMeta t, Object[] row) {
    List<Object> key = new ArrayList<>();
    for (String column : t.properties.primaryKey()) {
      Object value = row[t.schema.indexOf(column)];
      if (value == null) {
        throw new IllegalArgumentException("Primary key column " + column + " of table " + t.id + " cannot be null");
      }
      key.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes)
          : value instanceof BigDecimal d ? d.stripTrailingZeros() : value);
    }
    return key;
  }

  private static Object[] keyOnly(TableMeta t, Object[] row) {
    Object[] keyRow = new Object[row.length];
    Arrays.fill(keyRow, null);
    for (String column : t.properties.primaryKey()) {
      int index = t.schema.indexOf(column);
      keyRow[index] = row[index];
    }
    return keyRow;
  }
}
