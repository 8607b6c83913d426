package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.util.List;
import java.util.Locale;

/**
 * The tables one script names, resolved against its default project and schema, and MaxCompute's
 * messages for the ones that do not exist. Every kind of statement names tables the same way.
 */
final class TableNames {
  private final Warehouse warehouse;
  private final String project;
  private final String schema;

  TableNames(Warehouse warehouse, String project, String schema) {
    this.warehouse = warehouse;
    this.project = project;
    this.schema = schema;
  }

  String project() {
    return project;
  }

  String schema() {
    return schema;
  }

  /** The table a name refers to: t, project.t (or schema.t when no such project), project.schema.t. */
  TableId resolve(List<SqlToken> parts) {
    List<String> names = parts.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList();
    return switch (names.size()) {
      case 1 -> new TableId(project, schema, names.get(0));
      case 2 -> warehouse.project(names.get(0)).isPresent()
          ? new TableId(names.get(0), TableId.DEFAULT_SCHEMA, names.get(1))
          : new TableId(project, names.get(0), names.get(1));
      case 3 -> new TableId(names.get(0), names.get(1), names.get(2));
      default -> throw new SqlError("ODPS-0130161:" + parts.get(0).position()
          + " Parse exception - invalid table name " + String.join(".", names));
    };
  }

  /** The table a name refers to, which must exist. */
  TableId existing(List<SqlToken> parts) {
    TableId id = resolve(parts);
    if (warehouse.table(id).isEmpty()) {
      throw tableNotFound(parts, id);
    }
    return id;
  }

  SqlError tableNotFound(List<SqlToken> parts, TableId id) {
    return new SqlError("ODPS-0130131:" + parts.get(0).position() + " Table not found - table " + display(id)
        + " cannot be resolved");
  }

  static SqlError partitionNotFound(SqlToken at, PartitionSpec spec, TableId id) {
    return new SqlError("ODPS-0130131:" + at.position() + " Partition not found - partition "
        + spec.toPathName() + " of table " + display(id) + " does not exist");
  }

  /** A table as MaxCompute's messages name it: project.table in the default schema. */
  static String display(TableId id) {
    return TableId.DEFAULT_SCHEMA.equals(id.schema()) ? id.project() + "." + id.table() : id.toString();
  }
}
