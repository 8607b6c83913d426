package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a partition spec against a table: every partition column, in any order, nothing else. */
public final class PartitionSpecs {
  private PartitionSpecs() {}

  public static PartitionSpec parse(String text, TableInfo table) {
    return parse(text, table.id(), table.schema());
  }

  /** As {@link #parse(String, TableInfo)}, for the table {@code id} of that schema. */
  public static PartitionSpec parse(String text, TableId id, TableSchema schema) {
    PartitionSpec spec;
    try {
      spec = PartitionSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest("InvalidPartitionSpec", "The specified partitionspec is not valid: " + text);
    }
    List<Column> keys = schema.partitionColumns();
    if (keys.isEmpty()) {
      if (!spec.isEmpty()) {
        throw ServiceException.badRequest("InvalidPartitionSpec",
            "Table " + id + " is not partitioned, but a partition spec was given: " + text);
      }
      return spec;
    }
    Set<String> expected = keys.stream().map(Column::name).collect(Collectors.toSet());
    if (!spec.values().keySet().equals(expected)) {
      throw ServiceException.badRequest("InvalidPartitionSpec", "The specified partitionspec is not valid: '"
          + (text == null ? "" : text) + "'; table " + id + " is partitioned by " + expected);
    }
    // Keep the table's key order, whatever order the client sent.
    java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
    keys.forEach(k -> ordered.put(k.name(), spec.values().get(k.name())));
    return PartitionSpec.of(ordered);
  }
}
