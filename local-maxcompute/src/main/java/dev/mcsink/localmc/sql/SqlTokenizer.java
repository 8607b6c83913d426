package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits MaxCompute SQL into tokens. MaxCompute's lexical rules that differ from DuckDB's:
 * names are back-quoted, both '...' and "..." are string literals, and strings take backslash
 * escapes. Comments (-- and /* *&#47;) are skipped.
 */
final class SqlTokenizer {
  private static final List<String> TWO_CHAR_SYMBOLS = List.of(">=", "<=", "<>", "!=", "==", "||", "::", "->");

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private SqlTokenizer(String text) {
    this.text = text;
  }

  static List<SqlToken> tokenize(String text) {
    return new SqlTokenizer(text).run();
  }

  private List<SqlToken> run() {
    List<SqlToken> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        return tokens;
      }
      int start = pos;
      int tokenLine = line;
      int tokenColumn = pos - lineStart + 1;
      char c = text.charAt(pos);
      Kind kind;
      String value;
      if (c == '\'' || c == '"') {
        kind = Kind.STRING;
        value = quoted(c);
      } else if (c == '`') {
        kind = Kind.QUOTED_NAME;
        value = backQuoted();
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
          && !previousIsName(tokens))) {
        kind = Kind.NUMBER;
        value = number();
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        kind = Kind.WORD;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
            || text.charAt(pos) == '$')) {
          pos++;
        }
        value = text.substring(start, pos);
      } else {
        kind = Kind.SYMBOL;
        String two = pos + 2 <= text.length() ? text.substring(pos, pos + 2) : "";
        pos += TWO_CHAR_SYMBOLS.contains(two) ? 2 : 1;
        value = text.substring(start, pos);
      }
      tokens.add(new SqlToken(kind, value, start, pos, tokenLine, tokenColumn));
    }
  }

  private static boolean previousIsName(List<SqlToken> tokens) {
    return !tokens.isEmpty() && (tokens.get(tokens.size() - 1).isName());
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("--", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        int stop = end < 0 ? text.length() : end + 2;
        while (pos < stop) {
          if (text.charAt(pos++) == '\n') {
            line++;
            lineStart = pos;
          }
        }
      } else {
        return;
      }
    }
  }

  private String quoted(char quote) {
    StringBuilder value = new StringBuilder();
    int open = pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return value.toString();
      }
      if (c == '\n') {
        line++;
        lineStart = pos;
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        value.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '0' -> '\0';
          default -> e;
        });
      } else {
        value.append(c);
      }
    }
    throw new SqlError("ODPS-0130161:" + position(open) + " Parse exception - unterminated string literal");
  }

  private String backQuoted() {
    int open = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '`') {
        if (pos < text.length() && text.charAt(pos) == '`') {
          value.append('`');
          pos++;
          continue;
        }
        return value.toString();
      }
      value.append(c);
    }
    throw new SqlError("ODPS-0130161:" + position(open) + " Parse exception - unterminated `name`");
  }

  private String number() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      char c = text.charAt(pos);
      pos++;
      if ((c == 'e' || c == 'E') && pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
    }
    return text.substring(start, pos);
  }

  private String position(int offset) {
    return "[" + line + "," + (offset - lineStart + 1) + "]";
  }
}
