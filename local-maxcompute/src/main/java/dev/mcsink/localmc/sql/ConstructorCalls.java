package dev.mcsink.localmc.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MaxCompute's constructors of nested values, as DuckDB writes them: {@code array(a, b)} becomes
 * {@code list_value(a, b)}, {@code map(k1, v1, k2, v2)} {@code MAP {k1: v1, k2: v2}},
 * {@code named_struct('x', 1, 'y', 2)} {@code struct_pack("x" := 1, "y" := 2)} and
 * {@code struct(1, 2)} {@code struct_pack("col1" := 1, "col2" := 2)} (MaxCompute's field names).
 * The rewrite is a replacement text for some tokens of the statement, by token index.
 */
final class ConstructorCalls {
  private ConstructorCalls() {}

  static Map<Integer, String> rewrites(List<SqlToken> tokens) {
    Map<Integer, String> rewrites = new HashMap<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      SqlToken name = tokens.get(i);
      if (name.kind() != SqlToken.Kind.WORD || !tokens.get(i + 1).isSymbol("(")
          || (i > 0 && tokens.get(i - 1).isSymbol("."))) {
        continue;
      }
      List<Integer> commas = new ArrayList<>();
      int close = closing(tokens, i + 1, commas);
      if (close < 0) {
        continue;
      }
      switch (name.upper()) {
        case "ARRAY" -> rewrites.put(i, "list_value");
        case "MAP" -> {
          rewrites.put(i, "MAP");
          rewrites.put(i + 1, "{");
          for (int c = 0; c < commas.size(); c++) {
            rewrites.put(commas.get(c), c % 2 == 0 ? ":" : ",");
          }
          rewrites.put(close, "}");
        }
        case "NAMED_STRUCT" -> {
          rewrites.put(i, "struct_pack");
          List<Integer> keys = new ArrayList<>(List.of(i + 2));
          for (int c = 1; c < commas.size(); c += 2) {
            keys.add(commas.get(c) + 1);
          }
          for (int key : keys) {
            if (tokens.get(key).kind() == SqlToken.Kind.STRING) {
              rewrites.put(key, QueryTranslator.quote(tokens.get(key).text()));
            }
          }
          for (int c = 0; c < commas.size(); c += 2) {
            rewrites.put(commas.get(c), " :=");
          }
        }
        case "STRUCT" -> {
          rewrites.put(i, "struct_pack");
          rewrites.put(i + 1, "(\"col1\" := ");
          for (int c = 0; c < commas.size(); c++) {
            rewrites.put(commas.get(c), ", \"col" + (c + 2) + "\" := ");
          }
        }
        default -> {
          // other calls are DuckDB's as written
        }
      }
    }
    return rewrites;
  }

  /** The index of the ')' closing the '(' at {@code open}, collecting the commas at its top level; -1 if none. */
  private static int closing(List<SqlToken> tokens, int open, List<Integer> commas) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      } else if (depth == 1 && t.isSymbol(",")) {
        commas.add(i);
      }
    }
    return -1;
  }
}
