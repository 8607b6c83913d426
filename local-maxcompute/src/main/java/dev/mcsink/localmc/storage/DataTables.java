package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB objects behind one MaxCompute table ({@link TableMeta} names them): the table of
 * committed rows and the view SQL queries read. They are created and dropped together, in the
 * caller's transaction, with the table's catalog entry. (Uncommitted upload blocks are files,
 * {@link BlockFiles}.)
 */
final class DataTables {
  private DataTables() {}

  /** Refuses a schema DuckDB could not hold as one table beside the hidden columns. */
  static void checkColumns(TableId id, TableSchema schema) {
    Set<String> seen = new HashSet<>();
    List<Column> all = new ArrayList<>(schema.columns());
    all.addAll(schema.partitionColumns());
    for (Column c : all) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("Column " + c.name() + " is declared twice in table " + id);
      }
      if (c.name().startsWith("__mc_")) {
        throw new IllegalArgumentException("Column names starting with __mc_ are reserved: " + c.name());
      }
    }
    if (schema.columns().isEmpty()) {
      throw new IllegalArgumentException("Table " + id + " needs at least one data column");
    }
  }

  static void create(DuckDBConnection c, TableMeta t) throws SQLException {
    DuckDbConnections.execute(c, createDataTableSql(t));
    DuckDbConnections.execute(c, createViewSql(t, t.schema));
  }

  /**
   * Adds the columns to the committed rows (NULL in the rows there) and shows them in the
   * view. Rows are appended by position, data columns before partition columns, so the committed
   * rows of a partitioned table are copied into a table of the new layout rather than altered
   * (ALTER TABLE would put the new columns after the partition columns).
   */
  static void addColumns(DuckDBConnection c, TableMeta t, List<Column> added, TableSchema schema)
      throws SQLException {
    DuckDbConnections.execute(c, "DROP VIEW " + t.sqlView());
    for (Column column : added) {
      String definition = PhysicalTypes.quote(column.name()) + " " + PhysicalTypes.storageType(column.type());
      if (!schema.isPartitioned()) {
        DuckDbConnections.execute(c, "ALTER TABLE " + t.dataTable() + " ADD COLUMN " + definition);
      }
    }
    if (schema.isPartitioned()) {
      List<String> selected = new ArrayList<>();
      selected.add(TableMeta.SEQ_COLUMN);
      for (Column column : schema.columns()) {
        String quoted = PhysicalTypes.quote(column.name());
        selected.add(added.contains(column)
            ? "CAST(NULL AS " + PhysicalTypes.storageType(column.type()) + ") AS " + quoted : quoted);
      }
      schema.partitionColumns().forEach(p -> selected.add(PhysicalTypes.quote(p.name())));
      String copy = t.dataTable() + "_altered";
      DuckDbConnections.execute(c, "CREATE TABLE " + copy + " AS SELECT " + String.join(", ", selected)
          + " FROM " + t.dataTable() + " ORDER BY " + TableMeta.SEQ_COLUMN);
      DuckDbConnections.execute(c, "DROP TABLE " + t.dataTable());
      DuckDbConnections.execute(c, "ALTER TABLE " + copy + " RENAME TO " + t.dataTableName());
    }
    DuckDbConnections.execute(c, createViewSql(t, schema));
  }

  static void drop(DuckDBConnection c, TableMeta t) throws SQLException {
    DuckDbConnections.execute(c, "DROP VIEW IF EXISTS " + t.sqlView());
    DuckDbConnections.execute(c, "DROP TABLE IF EXISTS " + t.dataTable());
  }

  /**
   * Drops the staging tables ({@code data.s<tid>}) in which earlier versions kept uncommitted blocks
   * as rows: blocks are files now, and a block staged as rows can only be uploaded again.
   */
  static void dropLegacyStagingTables(DuckDBConnection c) throws SQLException {
    List<String> legacy = new ArrayList<>();
    try (Statement statement = c.createStatement();
         ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
             + " WHERE table_schema = 'data' AND regexp_full_match(table_name, 's[0-9]+')")) {
      while (rs.next()) {
        legacy.add(rs.getString(1));
      }
    }
    for (String table : legacy) {
      DuckDbConnections.execute(c, "DROP TABLE data." + table);
    }
  }

  private static String createDataTableSql(TableMeta t) {
    List<String> columns = new ArrayList<>();
    columns.add(TableMeta.SEQ_COLUMN + " BIGINT");
    columns.addAll(storedDataColumns(t));
    for (Column c : t.schema.partitionColumns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " VARCHAR");
    }
    return "CREATE TABLE " + t.dataTable() + " (" + String.join(", ", columns) + ")";
  }

  private static List<String> storedDataColumns(TableMeta t) {
    List<String> columns = new ArrayList<>();
    for (Column c : t.schema.columns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " " + PhysicalTypes.storageType(c.type()));
    }
    return columns;
  }

  private static String createViewSql(TableMeta t, TableSchema schema) {
    List<String> columns = new ArrayList<>();
    for (Column c : schema.columns()) {
      String quoted = PhysicalTypes.quote(c.name());
      columns.add(PhysicalTypes.viewExpression(c.type(), quoted) + " AS " + quoted);
    }
    for (Column c : schema.partitionColumns()) {
      columns.add(PhysicalTypes.quote(c.name()));
    }
    return "CREATE VIEW " + t.sqlView() + " AS SELECT " + String.join(", ", columns) + " FROM " + t.dataTable();
  }
}
