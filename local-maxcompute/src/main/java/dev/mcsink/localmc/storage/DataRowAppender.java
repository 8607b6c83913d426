package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows appended to a table's data table in its layout: the commit sequence number, the row's
 * values, NULL for each column added to the table after the rows' schema, then the partition's
 * values. One DuckDB appender, closed with this.
 */
final class DataRowAppender implements AutoCloseable {
  private final DuckDBAppender appender;
  private final RowWriter writer;
  private final int addedColumns;
  /** Encoded once: the appender would encode a String again for every row. */
  private final List<byte[]> partitionValues;

  /** @param columns the rows' columns: the table's, or the first of them (an upload begun before columns were added) */
  DataRowAppender(DuckDBConnection c, TableMeta t, List<Column> columns, PartitionSpec spec) throws SQLException {
    this.writer = new RowWriter(columns);
    this.addedColumns = t.schema.columns().size() - columns.size();
    this.partitionValues = spec.values().values().stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
    this.appender = c.createAppender("data", t.dataTableName());
  }

  /** Appends the row numbered {@code seq}; returns its size estimate. */
  long append(long seq, Object[] row) throws SQLException {
    appender.beginRow();
    appender.append(seq);
    long bytes = writer.append(appender, row);
    for (int i = 0; i < addedColumns; i++) {
      appender.appendNull();
    }
    for (byte[] value : partitionValues) {
      appender.append(value);
    }
    appender.endRow();
    return bytes;
  }

  @Override
  public void close() throws SQLException {
    appender.close();
  }
}
