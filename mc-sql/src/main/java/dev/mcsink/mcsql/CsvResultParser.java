package dev.mcsink.mcsql;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV text of a SQL task result ({@code <Result Format="csv">}): the first record holds
 * the column names, {@code \N} stands for NULL.
 *
 * <p>Follows the reader the SDK uses (javacsv with its defaults): fields split on {@code ,},
 * {@code "…"} quotes a field that may hold commas, line breaks and {@code ""} for a quote, records
 * end at LF or CRLF, empty lines are skipped. {@code \N} means NULL quoted or not, because the SDK
 * turns it into null after unquoting.
 */
public final class CsvResultParser {
  static final String NULL_MARK = "\\N";

  private CsvResultParser() {}

  public static ResultTable parse(String csv) {
    List<List<String>> records = records(csv);
    if (records.isEmpty()) {
      return new ResultTable(List.of(), List.of());
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      List<String> row = new ArrayList<>(record.size());
      for (String field : record) {
        row.add(NULL_MARK.equals(field) ? null : field);
      }
      rows.add(row);
    }
    return new ResultTable(records.get(0), rows);
  }

  private static List<List<String>> records(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean fieldStarted = false; // distinguishes an empty line from a record with one empty field
    int i = 0;
    int n = csv.length();
    while (i < n) {
      char c = csv.charAt(i);
      if (c == '"' && field.length() == 0) {
        i = readQuoted(csv, i + 1, field);
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
        i++;
      } else if (c == '\r' || c == '\n') {
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          record.add(field.toString());
          records.add(record);
          record = new ArrayList<>();
        }
        field.setLength(0);
        fieldStarted = false;
        i += (c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n') ? 2 : 1;
      } else {
        field.append(c);
        fieldStarted = true;
        i++;
      }
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  /** Appends the content of a quoted field starting after its opening quote; returns the index after the closing quote. */
  private static int readQuoted(String csv, int start, StringBuilder field) {
    int i = start;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (c == '"') {
        if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        field.append(c);
        i++;
      }
    }
    return i;
  }
}
