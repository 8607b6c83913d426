package dev.mcsink.localmc.sql;

import java.util.Locale;

/**
 * A lexical token of MaxCompute SQL with its span in the script. {@code text} is the decoded value
 * for strings and back-quoted names, the source text otherwise.
 */
record SqlToken(Kind kind, String text, int start, int end, int line, int column) {
  enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** A name: bare word or back-quoted. */
  boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** "[line,column]" as MaxCompute positions its errors. */
  String position() {
    return "[" + line + "," + column + "]";
  }
}
