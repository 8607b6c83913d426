package dev.mcsink.localmc.sql;

/**
 * Outcome of a SQL script: on success {@code csv} is the result of the last statement that has one
 * (for a query: header line of column names, '\N' for null, values in MaxCompute's text form;
 * for DESC/SHOW: text, with {@code tabular} false), or "" for DDL; on failure
 * {@code errorMessage} says what is wrong, as MaxCompute's ODPS-xxxxxxx messages do.
 * {@code typed} is the same query result with types and values, null when there is no query result.
 */
public record SqlOutcome(boolean success, String csv, String errorMessage, boolean tabular, TypedResult typed) {
  public static SqlOutcome ok(String csv, TypedResult typed) {
    return new SqlOutcome(true, csv, null, true, typed);
  }

  public static SqlOutcome text(String text) {
    return new SqlOutcome(true, text, null, false, null);
  }

  public static SqlOutcome failed(String message) {
    return new SqlOutcome(false, null, message, false, null);
  }
}
