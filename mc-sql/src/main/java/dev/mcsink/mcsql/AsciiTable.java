package dev.mcsink.mcsql;

import java.util.List;

/**
 * Draws a result as odpscmd prints it: a ruled header, one line per row, every column padded to
 * its widest cell, NULL for null.
 *
 * <pre>
 * +----+------+
 * | id | name |
 * +----+------+
 * | 1  | NULL |
 * +----+------+
 * </pre>
 *
 * Line breaks and tabs inside a cell are shown as {@code \n}, {@code \r}, {@code \t} so that each
 * row stays on one line. Widths count code points, not display columns.
 */
public final class AsciiTable {
  private AsciiTable() {}

  public static String render(ResultTable table) {
    List<String> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = width(cell(columns.get(c)));
    }
    for (List<String> row : table.rows()) {
      for (int c = 0; c < Math.min(row.size(), widths.length); c++) {
        widths[c] = Math.max(widths[c], width(cell(row.get(c))));
      }
    }
    String rule = rule(widths);
    StringBuilder out = new StringBuilder();
    out.append(rule);
    line(out, columns, widths);
    out.append(rule);
    for (List<String> row : table.rows()) {
      line(out, row, widths);
    }
    out.append(rule);
    return out.toString();
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    return rule.append('\n').toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      String text = c < cells.size() ? cell(cells.get(c)) : "";
      out.append(' ').append(text).append(" ".repeat(widths[c] - width(text))).append(" |");
    }
    out.append('\n');
  }

  private static String cell(String value) {
    if (value == null) {
      return "NULL";
    }
    return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
