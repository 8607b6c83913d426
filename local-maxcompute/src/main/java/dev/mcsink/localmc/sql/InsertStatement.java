package dev.mcsink.localmc.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code INSERT INTO|OVERWRITE TABLE t [PARTITION (pt='a', dt)] [(col, ...)] VALUES (..), (..)} or
 * {@code ... SELECT ...}. A partition key written without a value is dynamic: its value comes from
 * the source's trailing columns, in the order the keys are written.
 *
 * @param partition the keys in the order written; a null value marks a dynamic key
 * @param columns the target columns as written, empty when the statement lists none
 * @param source the VALUES list or the query, as tokens
 */
record InsertStatement(List<SqlToken> name, boolean overwrite, Map<String, String> partition,
    List<SqlToken> columns, List<SqlToken> source) {

  /** Parses after the word INSERT. */
  static InsertStatement parse(TokenCursor cursor) {
    boolean overwrite = cursor.acceptWords("OVERWRITE");
    if (!overwrite) {
      cursor.expectWords("INTO");
    }
    boolean table = cursor.acceptWords("TABLE");
    if (overwrite && !table) {
      throw cursor.parseError("expected TABLE after INSERT OVERWRITE");
    }
    List<SqlToken> name = cursor.qualifiedName();
    Map<String, String> partition = cursor.acceptWords("PARTITION") ? partition(cursor) : Map.of();
    List<SqlToken> columns = new ArrayList<>();
    if (cursor.peek() != null && cursor.peek().isSymbol("(") && isColumnList(cursor)) {
      cursor.expectSymbol("(");
      do {
        columns.add(cursor.name());
      } while (cursor.acceptSymbol(","));
      cursor.expectSymbol(")");
    }
    SqlToken first = cursor.peek();
    if (first == null || !(first.isWord("VALUES") || first.isWord("SELECT") || first.isWord("WITH")
        || first.isSymbol("("))) {
      throw cursor.parseError("expected VALUES or SELECT");
    }
    return new InsertStatement(name, overwrite, partition, columns, cursor.rest());
  }

  boolean isValues() {
    return source.get(0).isWord("VALUES");
  }

  List<String> dynamicKeys() {
    return partition.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
  }

  /** {@code (k='v', k2)}: values as text, keys lower-case, null for a dynamic key. */
  private static Map<String, String> partition(TokenCursor cursor) {
    Map<String, String> values = new LinkedHashMap<>();
    cursor.expectSymbol("(");
    do {
      String key = cursor.name().text().toLowerCase(Locale.ROOT);
      String value = null;
      if (cursor.acceptSymbol("=")) {
        SqlToken v = cursor.next();
        if (v.isSymbol("-")) {
          value = "-" + cursor.next().text();
        } else if (v.kind() == SqlToken.Kind.SYMBOL) {
          throw cursor.parseError("expected a partition value");
        } else {
          value = v.text();
        }
      }
      values.put(key, value);
    } while (cursor.acceptSymbol(","));
    cursor.expectSymbol(")");
    return values;
  }

  /** Whether the '(' ahead opens a column list rather than a parenthesized query. */
  private static boolean isColumnList(TokenCursor cursor) {
    SqlToken inside = cursor.peek(1);
    return inside != null && inside.isName() && !inside.isWord("SELECT") && !inside.isWord("WITH");
  }
}
