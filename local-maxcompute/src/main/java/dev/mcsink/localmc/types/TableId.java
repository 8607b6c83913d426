package dev.mcsink.localmc.types;

import java.util.Locale;

/** project.schema.table, lower-case; the schema is "default" in the two-layer model. */
public record TableId(String project, String schema, String table) {
  public static final String DEFAULT_SCHEMA = "default";

  public TableId {
    project = project.toLowerCase(Locale.ROOT);
    schema = schema == null || schema.isEmpty() ? DEFAULT_SCHEMA : schema.toLowerCase(Locale.ROOT);
    table = table.toLowerCase(Locale.ROOT);
  }

  public static TableId of(String project, String table) {
    return new TableId(project, DEFAULT_SCHEMA, table);
  }

  @Override
  public String toString() {
    return project + "." + schema + "." + table;
  }
}
