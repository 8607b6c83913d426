package dev.mcsink.mcsql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Column names and rows of a query result; a cell is a string or null. */
public record ResultTable(List<String> columns, List<List<String>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // keeps nulls
    }
    rows = Collections.unmodifiableList(copy);
  }
}
