package dev.mcsink.localmc.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Data columns and partition columns of a table, in declared order. */
public record TableSchema(List<Column> columns, List<Column> partitionColumns) {
  public TableSchema {
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
  }

  /** The schema with {@code added} after the data columns (ALTER TABLE ADD COLUMNS). */
  public TableSchema withColumnsAdded(List<Column> added) {
    List<Column> all = new ArrayList<>(columns);
    all.addAll(added);
    return new TableSchema(all, partitionColumns);
  }

  /**
   * The schema's version, as tunnel sessions carry it: the number of data columns. Columns are only
   * ever added, so the count names each schema a table has had, and the schema of version v is the
   * first v data columns ({@link #asOfVersion}).
   */
  public String version() {
    return String.valueOf(columns.size());
  }

  /** The schema the table had at {@code version} (see {@link #version}); empty for an unknown version. */
  public Optional<TableSchema> asOfVersion(String version) {
    try {
      int count = Integer.parseInt(version);
      return count >= 1 && count <= columns.size() ? Optional.of(firstColumns(count))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The schema with only the first {@code count} data columns: what it was before later columns were added. */
  public TableSchema firstColumns(int count) {
    return new TableSchema(columns.subList(0, count), partitionColumns);
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
