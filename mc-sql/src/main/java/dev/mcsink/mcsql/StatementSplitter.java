package dev.mcsink.mcsql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a SQL script into statements at each {@code ;} that is outside a quoted string, a quoted
 * identifier or a comment, the way odpscmd reads {@code -e} and {@code -f} scripts.
 *
 * <p>{@code --} line comments and {@code /* *}{@code /} block comments are dropped (the service
 * would accept them, but a script made only of comments must not become an empty statement).
 * Inside {@code '…'} and {@code "…"} a backslash escapes the next character, as in MaxCompute
 * string literals; back-quoted identifiers have no escapes. The last statement needs no
 * terminating {@code ;}. Returned statements are trimmed and carry no {@code ;}.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  public static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(script, i);
        current.append(script, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int eol = script.indexOf('\n', i);
        i = eol < 0 ? n : eol; // keep the newline: it still separates tokens
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int close = script.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        current.append(' ');
      } else if (c == ';') {
        addIfNotBlank(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    addIfNotBlank(statements, current);
    return statements;
  }

  /** Index just past the quote that closes the one at {@code start} (or the end of an unclosed one). */
  private static int endOfQuoted(String script, int start) {
    char quote = script.charAt(start);
    boolean backslashEscapes = quote != '`';
    int i = start + 1;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return script.length();
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
    String text = statement.toString().strip();
    if (!text.isEmpty()) {
      statements.add(text);
    }
  }
}
