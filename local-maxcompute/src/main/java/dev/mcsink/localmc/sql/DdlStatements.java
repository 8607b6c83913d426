package dev.mcsink.localmc.sql;

import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A script's DDL: CREATE TABLE/SCHEMA, DROP TABLE, ALTER TABLE ADD COLUMNS, ADD/DROP PARTITION and TRUNCATE
 * TABLE, carried out by the warehouse. The warehouse refuses bad input with plain messages; here
 * they become MaxCompute's ODPS-nnnnnnn messages, which clients match on.
 */
final class DdlStatements {
  private final Warehouse warehouse;
  private final TableNames names;

  DdlStatements(Warehouse warehouse, TableNames names) {
    this.warehouse = warehouse;
    this.names = names;
  }

  void createTable(CreateTableStatement create) {
    TableId id = names.resolve(create.name());
    if (warehouse.project(id.project()).isEmpty()) {
      throw new SqlError("ODPS-0110061: Failed to run ddltask - project " + id.project() + " does not exist");
    }
    TableSchema schema = new TableSchema(create.columns(), create.partitionColumns());
    boolean created = semantic(() -> warehouse.createTable(id, schema, create.properties(), create.comment(),
        create.lifecycleDays()),
        create.name().get(0));
    if (!created && !create.ifNotExists()) {
      throw new SqlError("ODPS-0110061: Failed to run ddltask - AlreadyExistsException(message:Table or view "
          + TableNames.display(id) + " already exists)");
    }
  }

  /**
   * Schemas exist implicitly here (a table carries its schema name), so creating one only checks
   * the statement; it lets programs written for the three-layer model run unchanged.
   */
  static void createSchema(TokenCursor cursor) {
    cursor.acceptWords("IF", "NOT", "EXISTS");
    cursor.qualifiedName();
    if (cursor.acceptWords("COMMENT")) {
      cursor.string();
    }
    cursor.expectEnd();
  }

  void dropTable(TokenCursor cursor) {
    boolean ifExists = cursor.acceptWords("IF", "EXISTS");
    List<SqlToken> name = cursor.qualifiedName();
    cursor.expectEnd();
    TableId id = names.resolve(name);
    if (!warehouse.dropTable(id) && !ifExists) {
      throw names.tableNotFound(name, id);
    }
  }

  void alterTable(TokenCursor cursor) {
    List<SqlToken> name = cursor.qualifiedName();
    TableId id = names.existing(name);
    if (cursor.acceptWords("ADD", "COLUMNS")) {
      addColumns(id, AddColumnsStatement.parse(cursor), name.get(0));
      return;
    }
    if (cursor.acceptWords("ADD")) {
      boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
      for (PartitionSpec spec : cursor.partitionSpecs()) {
        if (!createPartition(id, spec) && !ifNotExists) {
          throw new SqlError("ODPS-0110061: Failed to run ddltask - AlreadyExistsException(message:Partition "
              + spec.toPathName() + " of table " + TableNames.display(id) + " already exists)");
        }
      }
      return;
    }
    if (cursor.acceptWords("DROP")) {
      boolean ifExists = cursor.acceptWords("IF", "EXISTS");
      for (PartitionSpec spec : cursor.partitionSpecs()) {
        if (!semantic(() -> warehouse.dropPartition(id, spec), name.get(0)) && !ifExists) {
          throw TableNames.partitionNotFound(name.get(0), spec, id);
        }
      }
      return;
    }
    throw cursor.parseError("only ALTER TABLE ... ADD COLUMNS and ADD/DROP PARTITION are supported");
  }

  /**
   * Columns the table has are an error, or skipped with IF NOT EXISTS. The check and the change are
   * one step: two sinks' tasks adding the same column at once must not see it missing both, and the
   * second fail ("declared twice") where MaxCompute's IF NOT EXISTS succeeds.
   */
  private void addColumns(TableId id, AddColumnsStatement add, SqlToken at) {
    synchronized (warehouse) {
      addMissingColumns(id, add, at);
    }
  }

  private void addMissingColumns(TableId id, AddColumnsStatement add, SqlToken at) {
    TableSchema schema = warehouse.table(id).orElseThrow().schema();
    List<Column> added = new ArrayList<>();
    for (Column column : add.columns()) {
      boolean exists = schema.column(column.name()).isPresent()
          || schema.partitionColumns().stream().anyMatch(p -> p.name().equals(column.name()));
      if (exists && !add.ifNotExists()) {
        throw new SqlError("ODPS-0130071:" + at.position() + " Semantic analysis exception - column "
            + column.name() + " already exists in table " + TableNames.display(id));
      }
      if (!exists) {
        added.add(column);
      }
    }
    if (!added.isEmpty()) {
      semantic(() -> {
        warehouse.addColumns(id, added);
        return null;
      }, at);
    }
  }

  void truncate(TokenCursor cursor) {
    List<SqlToken> name = cursor.qualifiedName();
    TableId id = names.existing(name);
    List<PartitionSpec> specs = cursor.atEnd() ? List.of(PartitionSpec.empty()) : cursor.partitionSpecs();
    for (PartitionSpec spec : specs) {
      semantic(() -> {
        warehouse.truncate(id, spec);
        return null;
      }, name.get(0));
    }
  }

  private boolean createPartition(TableId id, PartitionSpec spec) {
    try {
      return warehouse.createPartition(id, spec);
    } catch (IllegalArgumentException e) {
      throw new SqlError("ODPS-0130071:[1,1] Semantic analysis exception - " + e.getMessage());
    }
  }

  /** Runs a warehouse call whose IllegalArgumentException is a semantic error at {@code at}. */
  private static <T> T semantic(Supplier<T> action, SqlToken at) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new SqlError("ODPS-0130071:" + at.position() + " Semantic analysis exception - " + e.getMessage());
    }
  }
}
