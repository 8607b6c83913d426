package dev.mcsink.localmc.types;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Data columns and partition columns of a table, in declared order. */
public record TableSchema(List<Column> columns, List<Column> partitionColumns) {
  public TableSchema {
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
  }

  public boolean isPartitioned() {
    return !partitionColumns.isEmpty();
  }

  public Optional<Column> column(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return columns.stream().filter(c -> c.name().equals(lower)).findFirst();
  }

  public int indexOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(lower)) {
        return i;
      }
    }
    return -1;
  }
}
