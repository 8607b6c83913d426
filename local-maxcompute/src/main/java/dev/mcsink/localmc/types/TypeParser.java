package dev.mcsink.localmc.types;

import dev.mcsink.localmc.types.MaxComputeType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive-descent parser for MaxCompute type names; case-insensitive, spaces allowed. */
final class TypeParser {
  private final String text;
  private int pos;

  TypeParser(String text) {
    this.text = text;
  }

  MaxComputeType parseWhole() {
    MaxComputeType type = parseType();
    skipSpaces();
    if (pos != text.length()) {
      throw error("unexpected '" + text.substring(pos) + "'");
    }
    return type;
  }

  private MaxComputeType parseType() {
    String word = identifier().toUpperCase(Locale.ROOT);
    Kind kind;
    try {
      kind = Kind.valueOf(word);
    } catch (IllegalArgumentException e) {
      throw error("unknown type " + word);
    }
    switch (kind) {
      case DECIMAL:
        if (peek('(')) {
          expect('(');
          int precision = number();
          int scale = 0;
          if (peek(',')) {
            expect(',');
            scale = number();
          }
          expect(')');
          if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
            throw error("invalid DECIMAL(" + precision + "," + scale + ")");
          }
          return new MaxComputeType.Decimal(precision, scale, false);
        }
        return new MaxComputeType.Decimal(
            MaxComputeType.Decimal.LEGACY_PRECISION, MaxComputeType.Decimal.LEGACY_SCALE, true);
      case VARCHAR:
      case CHAR: {
        expect('(');
        int length = number();
        expect(')');
        int max = kind == Kind.CHAR ? 255 : 65535;
        if (length < 1 || length > max) {
          throw error("invalid " + kind + "(" + length + ")");
        }
        return new MaxComputeType.Chars(kind, length);
      }
      case ARRAY: {
        expect('<');
        MaxComputeType element = parseType();
        expect('>');
        return new MaxComputeType.Array(element);
      }
      case MAP: {
        expect('<');
        MaxComputeType key = parseType();
        expect(',');
        MaxComputeType value = parseType();
        expect('>');
        return new MaxComputeType.MapOf(key, value);
      }
      case STRUCT: {
        expect('<');
        List<MaxComputeType.Struct.Field> fields = new ArrayList<>();
        do {
          if (!fields.isEmpty()) {
            expect(',');
          }
          String name = fieldName();
          expect(':');
          fields.add(new MaxComputeType.Struct.Field(name, parseType()));
        } while (peek(','));
        expect('>');
        return new MaxComputeType.Struct(fields);
      }
      default:
        return new MaxComputeType.Primitive(kind);
    }
  }

  private String fieldName() {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '`') {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw error("unclosed `");
      }
      String name = text.substring(pos + 1, end);
      pos = end + 1;
      return name;
    }
    return identifier();
  }

  private String identifier() {
    skipSpaces();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a name");
    }
    return text.substring(start, pos);
  }

  private int number() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a number");
    }
    return Integer.parseInt(text.substring(start, pos));
  }

  private boolean peek(char c) {
    skipSpaces();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Invalid type '" + text + "' at position " + pos + ": " + what);
  }
}
