package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.SqlQueries;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs INSERT: DuckDB computes the source (VALUES or a query, translated like any query), each
 * value becomes a value of its target column by MaxCompute's implicit conversions
 * ({@link ImplicitCast}), and the rows go to {@link Warehouse#insert} grouped by partition.
 */
final class InsertStatements {
  private final Warehouse warehouse;
  private final SqlQueries queries;
  private final TableNames names;
  private final ZoneId zone;

  InsertStatements(Warehouse warehouse, SqlQueries queries, TableNames names, ZoneId zone) {
    this.warehouse = warehouse;
    this.queries = queries;
    this.names = names;
    this.zone = zone;
  }

  /** Runs the INSERT; returns the table written and how many rows. */
  Written insert(String script, InsertStatement insert) {
    SqlToken at = insert.name().get(0);
    TableId id = names.existing(insert.name());
    TableInfo table = warehouse.table(id).orElseThrow(() -> names.tableNotFound(insert.name(), id));
    TableSchema schema = table.schema();
    checkPartitionKeys(insert, schema, id, at);
    List<Column> targets = targets(insert, schema, id);
    Function<List<SqlToken>, String> relation = parts -> queries.relation(names.existing(parts));
    String duckSql = QueryTranslator.translate(script, insert.source(), relation);
    Map<PartitionSpec, List<Object[]>> rows;
    try {
      rows = queries.query(duckSql, rs -> read(rs, insert, schema, targets, at));
    } catch (SQLException e) {
      throw QueryErrors.of(e, insert.source());
    }
    try {
      warehouse.insert(id, rows, insert.overwrite());
    } catch (IllegalArgumentException e) {
      throw new SqlError("ODPS-0130071:" + at.position() + " Semantic analysis exception - " + e.getMessage());
    }
    return new Written(id, rows.values().stream().mapToLong(List::size).sum());
  }

  /** What an INSERT wrote, for the instance summary. */
  record Written(TableId table, long rows) {}

  private Map<PartitionSpec, List<Object[]>> read(ResultSet rs, InsertStatement insert, TableSchema schema,
      List<Column> targets, SqlToken at) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> dynamic = insert.dynamicKeys();
    if (meta.getColumnCount() != targets.size() + dynamic.size()) {
      throw new SqlError("ODPS-0130071:" + insert.source().get(0).position() + " Semantic analysis exception - "
          + "the source has " + meta.getColumnCount() + " columns, the target " + (targets.size() + dynamic.size())
          + " (" + targets.size() + " data columns" + (dynamic.isEmpty() ? "" : ", " + dynamic.size()
          + " dynamic partition columns") + ")");
    }
    List<ImplicitCast> casts = new ArrayList<>();
    int[] slots = new int[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      casts.add(ImplicitCast.of(meta.getColumnTypeName(i + 1), targets.get(i), zone, at));
      slots[i] = schema.indexOf(targets.get(i).name());
    }
    Map<PartitionSpec, List<Object[]>> rows = new LinkedHashMap<>();
    if (dynamic.isEmpty()) {
      rows.put(PartitionSpec.of(insert.partition()), new ArrayList<>());
    }
    while (rs.next()) {
      Object[] row = new Object[schema.columns().size()];
      for (int i = 0; i < targets.size(); i++) {
        row[slots[i]] = casts.get(i).read(rs, i + 1);
      }
      rows.computeIfAbsent(partitionOf(rs, insert, targets.size(), at), k -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  /** The row's partition: the static values, and the dynamic ones from the trailing source columns. */
  private static PartitionSpec partitionOf(ResultSet rs, InsertStatement insert, int dataColumns, SqlToken at)
      throws SQLException {
    if (insert.dynamicKeys().isEmpty()) {
      return PartitionSpec.of(insert.partition());
    }
    Map<String, String> values = new LinkedHashMap<>();
    int next = dataColumns + 1;
    for (Map.Entry<String, String> key : insert.partition().entrySet()) {
      String value = key.getValue();
      if (value == null) {
        value = rs.getString(next++);
        if (value == null || value.isEmpty()) {
          throw new SqlError("ODPS-0123031:" + at.position() + " Partition exception - the value of dynamic"
              + " partition column " + key.getKey() + " is " + (value == null ? "NULL" : "empty"));
        }
      }
      values.put(key.getKey(), value);
    }
    return PartitionSpec.of(values);
  }

  private static void checkPartitionKeys(InsertStatement insert, TableSchema schema, TableId id, SqlToken at) {
    List<String> declared = schema.partitionColumns().stream().map(Column::name).sorted().toList();
    List<String> given = insert.partition().keySet().stream().sorted().toList();
    if (!declared.equals(given)) {
      throw new SqlError("ODPS-0130071:" + at.position() + " Semantic analysis exception - "
          + (declared.isEmpty() ? "table " + TableNames.display(id) + " is not partitioned"
              : "the partition of table " + TableNames.display(id) + " must name its partition columns "
                  + declared + ", found " + given));
    }
  }

  /** The columns the source fills, in order: the listed ones, or all data columns. */
  private static List<Column> targets(InsertStatement insert, TableSchema schema, TableId id) {
    if (insert.columns().isEmpty()) {
      return schema.columns();
    }
    List<Column> targets = new ArrayList<>();
    for (SqlToken name : insert.columns()) {
      Column column = schema.column(name.text()).orElseThrow(() -> new SqlError("ODPS-0130071:"
          + name.position() + " Semantic analysis exception - column " + name.text()
          + " cannot be resolved in table " + TableNames.display(id)));
      if (targets.contains(column)) {
        throw new SqlError("ODPS-0130071:" + name.position() + " Semantic analysis exception - column "
            + name.text() + " is listed twice");
      }
      targets.add(column);
    }
    return targets;
  }
}
