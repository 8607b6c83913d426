package dev.mcsink.localmc.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's failure of a translated query, told as MaxCompute would tell the failure of the
 * original statement: a missing column at its position, parse and semantic errors by their codes.
 */
final class QueryErrors {
  private static final Pattern MISSING_COLUMN = Pattern.compile("Referenced column \"?([^\"\\s]+)\"? not found");

  private QueryErrors() {}

  static SqlError of(SQLException e, List<SqlToken> statement) {
    String message = String.valueOf(e.getMessage());
    String firstLine = message.split("\n", 2)[0].trim();
    Matcher missing = MISSING_COLUMN.matcher(message);
    if (missing.find()) {
      String column = missing.group(1);
      String position = statement.stream().filter(t -> t.isName() && t.text().equalsIgnoreCase(column))
          .findFirst().map(SqlToken::position).orElse("[1,1]");
      return new SqlError("ODPS-0130071:" + position + " Semantic analysis exception - column " + column
          + " cannot be resolved");
    }
    String detail = firstLine.replaceFirst("^[A-Za-z ]+ Error: ", "");
    if (firstLine.startsWith("Parser Error")) {
      return new SqlError("ODPS-0130161:" + statement.get(0).position() + " Parse exception - " + detail);
    }
    if (firstLine.startsWith("Binder Error") || firstLine.startsWith("Catalog Error")) {
      return new SqlError("ODPS-0130071:" + statement.get(0).position() + " Semantic analysis exception - "
          + detail);
    }
    return new SqlError("ODPS-0121095:Invalid argument - " + detail);
  }
}
