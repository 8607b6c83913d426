package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.Warehouse.PartitionInfo;
import dev.mcsink.localmc.storage.Warehouse.TableInfo;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the SQL layer needs from the storage: the catalog, DDL, and running a translated query.
 * Missing objects raise {@link dev.mcsink.localmc.storage.Warehouse.NotFoundException}.
 */
public interface SqlStorage {
  boolean projectExists(String project);

  Optional<TableInfo> table(TableId id);

  List<TableInfo> tables(String project, String schema);

  List<PartitionInfo> partitions(TableId id);

  /** Creates the table; false when a table of that name already exists (nothing changed). */
  boolean createTable(TableId id, TableSchema schema, String comment, long lifecycleDays);

  /** Drops the table and its rows; false when it does not exist. */
  boolean dropTable(TableId id);

  boolean createPartition(TableId id, PartitionSpec spec);

  /** Drops the partition and its rows; false when it does not exist. */
  boolean dropPartition(TableId id, PartitionSpec spec);

  /** Deletes the rows of the table, or of one partition when {@code spec} is not empty. */
  void truncate(TableId id, PartitionSpec spec);

  /** The DuckDB relation a query reads for the table (data and partition columns). */
  String sqlRelation(TableId id);

  <T> T query(String duckDbSql, ResultHandler<T> handler) throws SQLException;

  interface ResultHandler<T> {
    T handle(ResultSet resultSet) throws SQLException;
  }
}
