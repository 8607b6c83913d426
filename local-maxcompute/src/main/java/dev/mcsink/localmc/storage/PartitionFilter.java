package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects a partition's rows in a data table: a {@code WHERE} condition on the partition columns
 * whose values are bound as parameters, since a partition value may hold any character.
 * An empty spec selects every row.
 */
final class PartitionFilter {
  private PartitionFilter() {}

  /** {@code " WHERE pt = ? AND ..."}, or "" for an empty spec. */
  static String where(PartitionSpec spec) {
    if (spec.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String key : spec.values().keySet()) {
      parts.add(PhysicalTypes.quote(key) + " = ?");
    }
    return " WHERE " + String.join(" AND ", parts);
  }

  /** Binds the spec's values from parameter {@code first} on; returns the next free parameter index. */
  static int bind(PreparedStatement ps, PartitionSpec spec, int first) throws SQLException {
    int index = first;
    for (String value : spec.values().values()) {
      ps.setObject(index++, value);
    }
    return index;
  }
}
