package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.TableId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
   * Runs a DuckDB query once and reads its whole result as MaxCompute values, handing each row as
   * DuckDB shows it to {@code shown} too. Both views come from the one run, so a query is paid for
   * once and a write landing meanwhile cannot make them disagree.
   *
   * @param declared the columns of the tables the query reads, by lower-case name: a result column
   *     of that name keeps the declared type when DuckDB shows it the same way
   */
  QueryResult table(String duckDbSql, Map<String, MaxComputeType> declared, ShownRows shown)
      throws SQLException;

  /** Reads a query's result while its connection is borrowed. */
  interface ResultHandler<T> {
    T handle(ResultSet resultSet) throws SQLException;
  }

  /** Reads a query's rows as DuckDB shows them, while its connection is borrowed. */
  interface ShownRows {
    /** The result's column names and DuckDB type names, as the query itself reports them. */
    void columns(List<String> names, List<String> duckDbTypes) throws SQLException;

    /** One row: the query's columns are the first ones of {@code row}, by position, as DuckDB shows them. */
    void row(ResultSet row) throws SQLException;
  }
}
