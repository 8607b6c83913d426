package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.task.SQLTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates tables and adds columns to them, through SQL jobs: the SDK's {@code tables().create(...)}
 * cannot declare a primary key, so one way (SQL) serves plain and Delta tables alike. Every
 * statement tolerates a concurrent twin ({@code IF NOT EXISTS}): several tasks may meet the same
 * missing table or new field at once.
 */
public final class TableDdl {
  private static final long SQL_WAIT_SECONDS = 60;

  private final Odps odps;
  private final String project;
  private final String schemaName;

  /** @param schemaName the schema of the three-layer model; null: none */
  public TableDdl(Odps odps, String project, String schemaName) {
    this.odps = odps;
    this.project = project;
    this.schemaName = schemaName;
  }

  /**
   * @throws TransientWriteException when the service is unavailable
   * @throws org.apache.kafka.connect.errors.ConnectException when the service refuses the question
   */
  public boolean exists(String table) {
    try {
      return odps.tables().exists(project, schemaName, table);
    } catch (Exception e) {
      throw WriteFailures.classify("Checking whether table " + displayName(table) + " exists", e);
    }
  }

  /**
   * Creates {@code table} unless it exists: a Delta table (transactional, keyed) when
   * {@code primaryKey} is not empty, partitioned when {@code schema} has partition columns, with a
   * LIFECYCLE when {@code lifecycleDays} is positive.
   *
   * @throws TransientWriteException when the service is unavailable
   * @throws org.apache.kafka.connect.errors.ConnectException when the service refuses the statement
   */
  public void create(String table, TableSchema schema, List<String> primaryKey, int lifecycleDays) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualified(table))
        .append(" (").append(definitions(schema.getColumns()));
    if (!primaryKey.isEmpty()) {
      sql.append(", PRIMARY KEY (").append(primaryKey.stream().map(TableDdl::quoted).collect(Collectors.joining(", ")))
          .append(')');
    }
    sql.append(')');
    if (!schema.getPartitionColumns().isEmpty()) {
      sql.append(" PARTITIONED BY (").append(definitions(schema.getPartitionColumns())).append(')');
    }
    if (!primaryKey.isEmpty()) {
      sql.append(" TBLPROPERTIES (\"transactional\"=\"true\")");
    }
    if (lifecycleDays > 0) {
      sql.append(" LIFECYCLE ").append(lifecycleDays);
    }
    run(sql, "Creating table " + displayName(table));
  }

  /**
   * Adds nullable {@code columns} to {@code table}; a column that exists already (another task
   * just added it) is left as it is.
   *
   * @throws TransientWriteException when the service is unavailable
   * @throws org.apache.kafka.connect.errors.ConnectException when the service refuses the statement
   */
  public void addColumns(String table, List<Column> columns) {
    run(new StringBuilder("ALTER TABLE ").append(qualified(table)).append(" ADD COLUMNS IF NOT EXISTS (")
        .append(definitions(columns)).append(')'), "Adding columns to table " + displayName(table));
  }

  private void run(StringBuilder sql, String purpose) {
    Map<String, String> hints = new HashMap<>();
    // TINYINT, SMALLINT, INT, FLOAT, BINARY, DATE, DECIMAL(p,s) are types of the 2.0 type system, which a
    // project may not have switched on.
    hints.put("odps.sql.type.system.odps2", "true");
    if (schemaName != null) {
      // The three-layer model reads project.schema.table only with this flag.
      hints.put("odps.namespace.schema", "true");
    }
    try {
      SQLTask.run(odps, project, sql.append(';').toString(), hints, null).waitForSuccess(SQL_WAIT_SECONDS);
    } catch (Exception e) {
      throw WriteFailures.classify(purpose, e);
    }
  }

  private static String definitions(List<Column> columns) {
    return columns.stream()
        .map(c -> quoted(c.getName()) + " " + c.getTypeInfo().getTypeName() + (c.isNullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", "));
  }

  private String qualified(String table) {
    return schemaName == null ? quoted(project) + "." + quoted(table)
        : quoted(project) + "." + quoted(schemaName) + "." + quoted(table);
  }

  private String displayName(String table) {
    return schemaName == null ? project + "." + table : project + "." + schemaName + "." + table;
  }

  /** Backticks, so a column named like a keyword ({@code partition}, {@code offset}) is a name. */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
