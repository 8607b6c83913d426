package dev.mcsink.localmc.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a MaxCompute query into DuckDB SQL by rewriting only what differs, keeping the rest of the
 * text as written: table names after FROM/JOIN (and in comma-separated FROM lists) become the
 * table's DuckDB relation, aliased to the table name so {@code t.col} still works; back-quoted
 * names become double-quoted; "..." and '...' strings (with backslash escapes) become DuckDB
 * '...' literals; integer literal suffixes (10L, 1Y, 2S, 1.5BD) are dropped; constructors of nested
 * values become DuckDB's ({@link ConstructorCalls}).
 */
final class QueryTranslator {
  /** Words that end a FROM list or cannot be a table alias. */
  private static final Set<String> CLAUSE_WORDS = Set.of("WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION",
      "ON", "USING", "SELECT", "WINDOW", "QUALIFY", "INTERSECT", "EXCEPT", "JOIN", "LEFT", "RIGHT", "INNER",
      "OUTER", "FULL", "CROSS", "NATURAL", "LATERAL", "DISTRIBUTE", "SORT", "CLUSTER", "AS", "OFFSET", "ANTI",
      "SEMI", "FROM");

  private QueryTranslator() {}

  /**
   * @param relation maps a table name (its parts, as written) to the DuckDB relation; throws
   *     {@link SqlError} when the table cannot be resolved
   */
  static String translate(String script, List<SqlToken> tokens, Function<List<SqlToken>, String> relation) {
    Set<String> cteNames = cteNames(tokens);
    java.util.Map<Integer, String> constructors = ConstructorCalls.rewrites(tokens);
    StringBuilder out = new StringBuilder();
    int copied = tokens.isEmpty() ? 0 : tokens.get(0).start();
    Deque<Boolean> inFromList = new ArrayDeque<>();
    inFromList.push(false);
    // FROM inside a function call (EXTRACT(x FROM y), TRIM(.. FROM s)) names no table
    Deque<Boolean> inCall = new ArrayDeque<>();
    inCall.push(false);
    boolean expectTable = false;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      String replacement = null;
      int spanEnd = t.end();
      if (t.isSymbol("(")) {
        inFromList.push(false);
        SqlToken before = i > 0 ? tokens.get(i - 1) : null;
        SqlToken first = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        inCall.push(before != null && before.isName() && !(before.kind() == SqlToken.Kind.WORD
            && CLAUSE_WORDS.contains(before.upper())) && !(first != null && (first.isWord("SELECT")
            || first.isWord("WITH"))));
        expectTable = false;
      } else if (t.isSymbol(")")) {
        if (inFromList.size() > 1) {
          inFromList.pop();
          inCall.pop();
        }
      } else if (t.isSymbol(",")) {
        expectTable = inFromList.peek();
      } else if (t.kind() == SqlToken.Kind.WORD && (t.isWord("FROM") || t.isWord("JOIN")) && !inCall.peek()) {
        inFromList.pop();
        inFromList.push(true);
        expectTable = true;
        out.append(script, copied, t.end());
        copied = t.end();
        continue;
      } else if (t.kind() == SqlToken.Kind.WORD && CLAUSE_WORDS.contains(t.upper())) {
        inFromList.pop();
        inFromList.push(false);
      }

      if (expectTable && t.isName() && !(t.kind() == SqlToken.Kind.WORD && CLAUSE_WORDS.contains(t.upper()))) {
        int last = i;
        while (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol(".") && tokens.get(last + 2).isName()) {
          last += 2;
        }
        List<SqlToken> parts = new java.util.ArrayList<>();
        for (int p = i; p <= last; p += 2) {
          parts.add(tokens.get(p));
        }
        SqlToken after = last + 1 < tokens.size() ? tokens.get(last + 1) : null;
        boolean hasAlias = after != null && (after.isWord("AS")
            || (after.isName() && !(after.kind() == SqlToken.Kind.WORD && CLAUSE_WORDS.contains(after.upper()))));
        String alias = parts.get(parts.size() - 1).text();
        if (parts.size() == 1 && cteNames.contains(alias.toLowerCase(java.util.Locale.ROOT))) {
          replacement = quote(alias);
        } else {
          replacement = relation.apply(parts) + (hasAlias ? "" : " AS " + quote(alias));
        }
        spanEnd = tokens.get(last).end();
        i = last;
        expectTable = false;
      } else if (t.kind() == SqlToken.Kind.QUOTED_NAME) {
        replacement = quote(t.text());
        expectTable = false;
      } else if (t.kind() == SqlToken.Kind.STRING) {
        replacement = "'" + t.text().replace("'", "''") + "'";
      } else if (t.kind() == SqlToken.Kind.NUMBER) {
        replacement = withoutSuffix(t.text());
        if (isLiteralSubscript(tokens, i) && replacement.matches("\\d+")) {
          // MaxCompute arrays count from 0, DuckDB lists from 1. Only literal indexes are shifted:
          // a computed subscript may as well be a map key.
          replacement = String.valueOf(Long.parseLong(replacement) + 1);
        }
      } else if (!t.isSymbol(",")) {
        expectTable = false;
      }
      if (constructors.containsKey(i)) {
        replacement = constructors.get(i);
      }
      if (replacement != null) {
        out.append(script, copied, t.start()).append(replacement);
        copied = spanEnd;
      }
    }
    int end = tokens.isEmpty() ? copied : tokens.get(tokens.size() - 1).end();
    out.append(script, copied, Math.max(copied, end));
    return out.toString();
  }

  private static boolean isLiteralSubscript(List<SqlToken> tokens, int i) {
    return i > 0 && i + 1 < tokens.size() && tokens.get(i - 1).isSymbol("[") && tokens.get(i + 1).isSymbol("]");
  }

  /** Names defined by {@code WITH name AS (...), name2 AS (...)}: they are not tables. */
  private static Set<String> cteNames(List<SqlToken> tokens) {
    Set<String> names = new java.util.HashSet<>();
    boolean inWith = false;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (t.isWord("WITH")) {
        inWith = true;
      } else if (inWith && t.isName() && i + 2 < tokens.size() && tokens.get(i + 1).isWord("AS")
          && tokens.get(i + 2).isSymbol("(")) {
        names.add(t.text().toLowerCase(java.util.Locale.ROOT));
      } else if (depth == 0 && t.isWord("SELECT")) {
        inWith = false;
      }
    }
    return names;
  }

  private static String withoutSuffix(String number) {
    String upper = number.toUpperCase(java.util.Locale.ROOT);
    if (upper.endsWith("BD")) {
      return number.substring(0, number.length() - 2);
    }
    if (!upper.contains("E") && (upper.endsWith("L") || upper.endsWith("Y") || upper.endsWith("S"))) {
      return number.substring(0, number.length() - 1);
    }
    return number;
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
