package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.TableId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the SQL layer runs the queries it translates from MaxCompute SQL: each table has a DuckDB
 * relation holding its data and partition columns, and DuckDB SQL over those relations runs here.
 * Kept apart from {@link Warehouse}, whose callers see MaxCompute values and never DuckDB's.
 */
public interface SqlQueries {
  /** The DuckDB relation a query reads for the table; {@link NotFoundException} when it does not exist. */
  String relation(TableId id);

  /** Runs a DuckDB query and hands its result to {@code handler}; DuckDB's errors come back as they are. */
  <T> T query(String duckDbSql, ResultHandler<T> handler) throws SQLException;

  /**
   * Runs a DuckDB query and reads its whole result as MaxCompute values.
   *
   * @param declared the columns of the tables the query reads, by lower-case name: a result column
   *     of that name keeps the declared type when DuckDB shows it the same way
   */
  QueryResult table(String duckDbSql, Map<String, MaxComputeType> declared)
      throws SQLException;

  /** Reads a query's result while its connection is borrowed. */
  interface ResultHandler<T> {
    T handle(ResultSet resultSet) throws SQLException;
  }
}
