package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.types.PartitionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tokens of one statement, for the statements parsed here (DDL, DESC, SHOW). */
final class TokenCursor {
  private final List<SqlToken> tokens;
  private int index;

  TokenCursor(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  boolean atEnd() {
    return index >= tokens.size();
  }

  SqlToken peek() {
    return atEnd() ? null : tokens.get(index);
  }

  SqlToken peek(int ahead) {
    return index + ahead < tokens.size() ? tokens.get(index + ahead) : null;
  }

  SqlToken next() {
    if (atEnd()) {
      throw parseError("unexpected end of statement");
    }
    return tokens.get(index++);
  }

  /** Consumes the words when they all come next, in order. */
  boolean acceptWords(String... words) {
    for (int i = 0; i < words.length; i++) {
      SqlToken t = peek(i);
      if (t == null || !t.isWord(words[i])) {
        return false;
      }
    }
    index += words.length;
    return true;
  }

  void expectWords(String... words) {
    if (!acceptWords(words)) {
      throw parseError("expected " + String.join(" ", words));
    }
  }

  boolean acceptSymbol(String symbol) {
    if (!atEnd() && peek().isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw parseError("expected '" + symbol + "'");
    }
  }

  SqlToken name() {
    SqlToken t = next();
    if (!t.isName()) {
      index--;
      throw parseError("expected a name");
    }
    return t;
  }

  /** {@code a}, {@code a.b} or {@code a.b.c}. */
  List<SqlToken> qualifiedName() {
    List<SqlToken> parts = new ArrayList<>();
    parts.add(name());
    while (acceptSymbol(".")) {
      parts.add(name());
    }
    return parts;
  }

  String string() {
    SqlToken t = next();
    if (t.kind() != SqlToken.Kind.STRING) {
      index--;
      throw parseError("expected a string literal");
    }
    return t.text();
  }

  long number() {
    SqlToken t = next();
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      index--;
      throw parseError("expected a number");
    }
  }

  /** {@code (k='v', k2=3)}: values as text, keys lower-case. */
  Map<String, String> partitionSpec() {
    Map<String, String> values = new LinkedHashMap<>();
    expectSymbol("(");
    do {
      String key = name().text().toLowerCase(java.util.Locale.ROOT);
      expectSymbol("=");
      SqlToken value = next();
      if (value.kind() == SqlToken.Kind.SYMBOL && value.isSymbol("-")) {
        values.put(key, "-" + next().text());
      } else if (value.kind() == SqlToken.Kind.SYMBOL) {
        index--;
        throw parseError("expected a partition value");
      } else {
        values.put(key, value.text());
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    return values;
  }

  /** {@code PARTITION (..)}, then more with or without ',' between them, up to the end of the statement. */
  List<PartitionSpec> partitionSpecs() {
    List<PartitionSpec> specs = new ArrayList<>();
    do {
      expectWords("PARTITION");
      specs.add(PartitionSpec.of(partitionSpec()));
    } while (acceptSymbol(",") || (!atEnd() && peek().isWord("PARTITION")));
    expectEnd();
    return specs;
  }

  /** The tokens not read yet; the cursor moves to the end. */
  List<SqlToken> rest() {
    List<SqlToken> rest = tokens.subList(index, tokens.size());
    index = tokens.size();
    return rest;
  }

  void expectEnd() {
    if (!atEnd()) {
      throw parseError("unexpected '" + peek().text() + "'");
    }
  }

  SqlError parseError(String what) {
    SqlToken at = atEnd() ? (tokens.isEmpty() ? null : tokens.get(tokens.size() - 1)) : peek();
    String position = at == null ? "[1,1]" : at.position();
    return new SqlError("ODPS-0130161:" + position + " Parse exception - " + what
        + (atEnd() || at == null ? "" : " near '" + at.text() + "'"));
  }
}
