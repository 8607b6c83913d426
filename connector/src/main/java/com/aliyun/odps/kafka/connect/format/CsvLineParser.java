package com.aliyun.odps.kafka.connect.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180) into fields: a field is either unquoted, or enclosed in
 * {@code "} with {@code ""} standing for one quote (quoted fields may hold the delimiter and line
 * breaks). An unquoted {@code \N} is SQL NULL (returned as null); a quoted {@code "\N"} is the
 * two-character text. One message is one line: a single trailing line break is ignored, any other
 * line break outside quotes is an error, as are a quote inside an unquoted field, text after a
 * closing quote and an unterminated quote.
 */
final class CsvLineParser {
  static final String NULL_MARKER = "\\N";
  private static final char QUOTE = '"';

  private final char delimiter;

  CsvLineParser(char delimiter) {
    if (delimiter == QUOTE || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
    }
    this.delimiter = delimiter;
  }

  /** The fields of {@code line}, in order; null for {@code \N}. */
  List<String> parse(String line) {
    String text = withoutTrailingLineBreak(line);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      field.setLength(0);
      if (i < n && text.charAt(i) == QUOTE) {
        i = readQuoted(text, i + 1, field);
        fields.add(field.toString());
      } else {
        int start = i;
        while (i < n && text.charAt(i) != delimiter) {
          char c = text.charAt(i);
          if (c == QUOTE) {
            throw new RecordConversionException("CSV: quote inside an unquoted field at position " + (i + 1)
                + " (quote the whole field and write a quote as \"\")");
          }
          if (c == '\r' || c == '\n') {
            throw lineBreak(i);
          }
          i++;
        }
        String raw = text.substring(start, i);
        fields.add(NULL_MARKER.equals(raw) ? null : raw);
      }
      if (i >= n) {
        return fields;
      }
      // text.charAt(i) is the delimiter: another field follows, possibly empty.
      i++;
      if (i == n) {
        fields.add("");
        return fields;
      }
    }
  }

  /** Reads a quoted field whose content starts at {@code i}; returns the index after it. */
  private int readQuoted(String text, int i, StringBuilder field) {
    int n = text.length();
    int opening = i - 1;
    while (i < n) {
      char c = text.charAt(i);
      if (c == QUOTE) {
        if (i + 1 < n && text.charAt(i + 1) == QUOTE) {
          field.append(QUOTE);
          i += 2;
          continue;
        }
        int after = i + 1;
        if (after < n && text.charAt(after) != delimiter) {
          char next = text.charAt(after);
          if (next == '\r' || next == '\n') {
            throw lineBreak(after);
          }
          throw new RecordConversionException("CSV: unexpected character after the closing quote at position "
              + (after + 1) + " (expected the delimiter '" + delimiter + "' or the end of the line)");
        }
        return after;
      }
      field.append(c);
      i++;
    }
    throw new RecordConversionException("CSV: the quote opened at position " + (opening + 1) + " is never closed");
  }

  private static RecordConversionException lineBreak(int index) {
    return new RecordConversionException("CSV: line break outside quotes at position " + (index + 1)
        + "; one message must hold exactly one CSV line");
  }

  private static String withoutTrailingLineBreak(String line) {
    if (line.endsWith("\r\n")) {
      return line.substring(0, line.length() - 2);
    }
    if (line.endsWith("\n") || line.endsWith("\r")) {
      return line.substring(0, line.length() - 1);
    }
    return line;
  }
}
