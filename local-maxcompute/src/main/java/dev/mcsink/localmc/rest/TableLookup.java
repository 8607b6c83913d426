package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;

/** Finds a table or answers 404 the way the real service does (project first, then table). */
public final class TableLookup {
  private TableLookup() {}

  public static TableInfo require(Warehouse warehouse, TableId id) {
    requireProject(warehouse, id);
    return warehouse.table(id).orElseThrow(() -> noSuchTable(id));
  }

  /** The table's latest schema, or 404 as {@link #require} answers; no statistics are read. */
  public static TableSchema requireSchema(Warehouse warehouse, TableId id) {
    requireProject(warehouse, id);
    return warehouse.schema(id).orElseThrow(() -> noSuchTable(id));
  }

  private static void requireProject(Warehouse warehouse, TableId id) {
    if (warehouse.project(id.project()).isEmpty()) {
      throw ServiceException.notFound("NoSuchProject", "The specified project name does not exist: " + id.project());
    }
  }

  public static ServiceException noSuchTable(TableId id) {
    return ServiceException.notFound("NoSuchTable", "Table not found - '" + id + "'.");
  }
}
