package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB objects behind one MaxCompute table ({@link TableMeta} names them): the table of
 * committed rows, the staging table of upload blocks, and the view SQL queries read. They are
 * created and dropped together, in the caller's transaction, with the table's catalog entry.
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
    DuckDbConnections.execute(c, createStageTableSql(t));
    DuckDbConnections.execute(c, createViewSql(t));
  }

  static void drop(DuckDBConnection c, TableMeta t) throws SQLException {
    DuckDbConnections.execute(c, "DROP VIEW IF EXISTS " + t.sqlView());
    DuckDbConnections.execute(c, "DROP TABLE IF EXISTS " + t.dataTable());
    DuckDbConnections.execute(c, "DROP TABLE IF EXISTS " + t.stageTable());
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

  private static String createStageTableSql(TableMeta t) {
    List<String> columns = new ArrayList<>(List.of(DuckDbUploadStage.UPLOAD_COLUMN + " VARCHAR",
        DuckDbUploadStage.BLOCK_COLUMN + " BIGINT", DuckDbUploadStage.ROW_COLUMN + " BIGINT"));
    columns.addAll(storedDataColumns(t));
    return "CREATE TABLE " + t.stageTable() + " (" + String.join(", ", columns) + ")";
  }

  private static List<String> storedDataColumns(TableMeta t) {
    List<String> columns = new ArrayList<>();
    for (Column c : t.schema.columns()) {
      columns.add(PhysicalTypes.quote(c.name()) + " " + PhysicalTypes.storageType(c.type()));
    }
    return columns;
  }

  private static String createViewSql(TableMeta t) {
    List<String> columns = new ArrayList<>();
    for (Column c : t.schema.columns()) {
      String quoted = PhysicalTypes.quote(c.name());
      columns.add(PhysicalTypes.viewExpression(c.type(), quoted) + " AS " + quoted);
    }
    for (Column c : t.schema.partitionColumns()) {
      columns.add(PhysicalTypes.quote(c.name()));
    }
    return "CREATE VIEW " + t.sqlView() + " AS SELECT " + String.join(", ", columns) + " FROM " + t.dataTable();
  }
}
