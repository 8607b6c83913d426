package dev.mcsink.localmc.sql;

import java.util.Map;

/**
 * Outcome of a SQL script: on success {@code csv} is the result of the last statement that has one
 * (for a query: header line of column names, '\N' for null, values in MaxCompute's text form;
 * for DESC/SHOW: text, with {@code tabular} false), or "" for DDL; on failure
 * {@code errorMessage} says what is wrong, as MaxCompute's ODPS-xxxxxxx messages do.
 * {@code typed} is the same query result with types and values, null when there is no query result;
 * {@code outputs} the rows the script's INSERTs wrote per table ("project.table"), for the instance summary.
 */
public record SqlOutcome(boolean success, String csv, String errorMessage, boolean tabular, TypedResult typed,
    Map<String, Long> outputs) {
  public SqlOutcome {
    outputs = Map.copyOf(outputs);
  }

  public static SqlOutcome ok(String csv, TypedResult typed) {
    return new SqlOutcome(true, csv, null, true, typed, Map.of());
  }

  public static SqlOutcome text(String text) {
    return new SqlOutcome(true, text, null, false, null, Map.of());
  }

  public static SqlOutcome failed(String message) {
    return new SqlOutcome(false, null, message, false, null, Map.of());
  }

  public SqlOutcome withOutputs(Map<String, Long> written) {
    return new SqlOutcome(success, csv, errorMessage, tabular, typed, written);
  }
}
