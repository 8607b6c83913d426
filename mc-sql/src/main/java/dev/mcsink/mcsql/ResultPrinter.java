package dev.mcsink.mcsql;

import java.util.Locale;

/**
 * Decides how a task's answer is shown: a result set ({@code Format="csv"}) as an ASCII table,
 * text (DESC, SHOW, …) as it came, and a statement that answered nothing (DDL, DML) as {@code OK},
 * as odpscmd does.
 */
public final class ResultPrinter {
  private ResultPrinter() {}

  public static String render(SqlJob job, TaskOutput output) {
    String text = output.text() == null ? "" : output.text();
    // A service that omits Format still answers a query with CSV.
    boolean csv = output.isCsv() || (output.format() == null && isQuery(job.sql()));
    if (csv && !text.isBlank()) {
      return AsciiTable.render(CsvResultParser.parse(text));
    }
    if (text.isBlank()) {
      return "OK\n";
    }
    return text.endsWith("\n") ? text : text + "\n";
  }

  /** True for a statement whose answer is a result set (SELECT, or WITH … SELECT). */
  static boolean isQuery(String sql) {
    String head = sql.stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("select") || head.startsWith("with") || head.startsWith("(");
  }
}
