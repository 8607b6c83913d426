package dev.mcsink.localmc.sql;

/**
 * Outcome of a SQL script: on success {@code csv} is the result of the last statement that has one
 * (for a query: header line of column names, '\N' for null, values in MaxCompute's text form;
 * for DESC/SHOW: text, with {@code tabular} false), or "" for DDL; on failure
 * {@code errorMessage} says what is wrong, as MaxCompute's ODPS-xxxxxxx messages do.
 */
public record SqlOutcome(boolean success, String csv, String errorMessage, boolean tabular) {
  public static SqlOutcome ok(String csv) {
    return new SqlOutcome(true, csv, null, true);
  }

  public static SqlOutcome text(String text) {
    return new SqlOutcome(true, text, null, false);
  }

  public static SqlOutcome failed(String message) {
    return new SqlOutcome(false, null, message, false);
  }
}
