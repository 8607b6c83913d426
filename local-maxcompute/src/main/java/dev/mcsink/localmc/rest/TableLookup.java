package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.TableId;

/** Finds a table or answers 404 the way the real service does (project first, then table). */
public final class TableLookup {
  private TableLookup() {}

  public static TableInfo require(Warehouse warehouse, TableId id) {
    if (warehouse.project(id.project()).isEmpty()) {
      throw ServiceException.notFound("NoSuchProject", "The specified project name does not exist: " + id.project());
    }
    return warehouse.table(id).orElseThrow(() -> noSuchTable(id));
  }

  public static ServiceException noSuchTable(TableId id) {
    return ServiceException.notFound("NoSuchTable", "Table not found - '" + id + "'.");
  }
}
