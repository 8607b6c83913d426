package com.aliyun.odps.kafka.connect.maxcompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.it.MaxComputeSql;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.type.TypeInfoFactory;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tables created and evolved through SQL jobs on the local MaxCompute, read back through the official SDK. */
class TableDdlTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();

  private final Odps odps = LocalMaxComputeAccess.client(MC.service());
  private final TableDdl ddl = new TableDdl(odps, LocalMaxCompute.DEFAULT_PROJECT, null);
  private final String name = "ddl_table_" + TABLES.incrementAndGet();

  @AfterEach
  void clearFaults() {
    MC.service().faults().clear();
  }

  @Test
  void aPlainTableIsCreatedWithItsColumnsAndNoPartitions() throws OdpsException {
    assertThat(ddl.exists(name)).isFalse();

    ddl.create(name, schema(List.of(), "value"), List.of(), 0);

    assertThat(ddl.exists(name)).isTrue();
    Table table = reloaded();
    assertThat(names(table.getSchema().getColumns())).containsExactly("topic", "partition", "offset", "value");
    assertThat(table.getSchema().getColumn("partition").getTypeInfo()).isEqualTo(TypeInfoFactory.BIGINT);
    assertThat(table.getSchema().getPartitionColumns()).isEmpty();
    assertThat(table.isTransactional()).isFalse();
  }

  @Test
  void aTableIsPartitionedByEveryPartitionColumnInOrder() throws OdpsException {
    ddl.create(name, schema(List.of("ds", "region"), "value"), List.of(), 0);

    assertThat(names(reloaded().getSchema().getPartitionColumns())).containsExactly("ds", "region");
  }

  @Test
  void aPrimaryKeyMakesATransactionalDeltaTableWithItsLifecycle() throws OdpsException {
    TableSchema schema = schema(List.of("pt"), "id", "value");
    schema.getColumn("id").setNullable(false);

    ddl.create(name, schema, List.of("id"), 7);

    Table table = reloaded();
    assertThat(table.isTransactional()).isTrue();
    assertThat(table.getPrimaryKey()).containsExactly("id");
    assertThat(table.getLife()).isEqualTo(7L);
    assertThat(table.getSchema().getColumn("id").isNullable()).isFalse();
  }

  @Test
  void creatingATableThatExistsLeavesItAsItIs() throws OdpsException {
    ddl.create(name, schema(List.of("pt"), "value"), List.of(), 0);
    sql("INSERT INTO " + name + " PARTITION (pt='a') VALUES ('t', 0, 1, 'kept');");

    ddl.create(name, schema(List.of("pt"), "value", "other"), List.of(), 0);

    assertThat(names(reloaded().getSchema().getColumns())).doesNotContain("other");
    assertThat(MaxComputeSql.on(MC.service()).rows("SELECT value FROM " + name + ";"))
        .containsExactly(Map.of("value", "kept"));
  }

  @Test
  void addedColumnsAreNullInOldRowsAndAddingThemAgainIsFine() throws OdpsException {
    ddl.create(name, schema(List.of(), "value"), List.of(), 0);
    sql("INSERT INTO " + name + " VALUES ('t', 0, 1, 'old');");
    List<Column> added = List.of(new Column("amount", TypeInfoFactory.BIGINT),
        new Column("note", TypeInfoFactory.STRING));

    ddl.addColumns(name, added);
    ddl.addColumns(name, added);

    assertThat(names(reloaded().getSchema().getColumns()))
        .containsExactly("topic", "partition", "offset", "value", "amount", "note");
    Map<String, String> old = new HashMap<>();
    old.put("value", "old");
    old.put("amount", null);
    old.put("note", null);
    assertThat(MaxComputeSql.on(MC.service()).rows("SELECT value, amount, note FROM " + name + ";")).containsExactly(old);
  }

  @Test
  void aTableInANonDefaultSchemaIsCreatedAndEvolvedThere() throws OdpsException {
    SQLTask.run(odps, LocalMaxCompute.DEFAULT_PROJECT, "CREATE SCHEMA IF NOT EXISTS ddl_schema;",
        Map.of("odps.namespace.schema", "true"), null).waitForSuccess(50);
    TableDdl inSchema = new TableDdl(odps, LocalMaxCompute.DEFAULT_PROJECT, "ddl_schema");

    inSchema.create(name, schema(List.of("pt"), "value"), List.of(), 0);
    inSchema.addColumns(name, List.of(new Column("extra", TypeInfoFactory.STRING)));

    assertThat(inSchema.exists(name)).isTrue();
    assertThat(ddl.exists(name)).as("nothing in the default schema").isFalse();
    Table table = odps.tables().get(LocalMaxCompute.DEFAULT_PROJECT, "ddl_schema", name);
    table.reload();
    assertThat(names(table.getSchema().getColumns())).endsWith("value", "extra");
  }

  @Test
  void aStatementTheServiceRefusesFailsNamingTheTable() {
    assertThatThrownBy(() -> ddl.addColumns("no_such_table", List.of(new Column("c", TypeInfoFactory.STRING))))
        .isInstanceOf(ConnectException.class)
        .isNotInstanceOf(TransientWriteException.class)
        .hasMessageContaining("Adding columns to table " + LocalMaxCompute.DEFAULT_PROJECT + ".no_such_table");
  }

  @Test
  void aServiceThatIsUnavailableIsWorthRetrying() {
    MC.service().faults().fail("instance-create", 503, 1);

    assertThatThrownBy(() -> ddl.create(name, schema(List.of(), "value"), List.of(), 0))
        .isInstanceOf(TransientWriteException.class)
        .hasMessageContaining("Creating table " + LocalMaxCompute.DEFAULT_PROJECT + "." + name);
  }

  /** The meta columns, then {@code data} STRING columns; partition columns STRING. */
  private static TableSchema schema(List<String> partitions, String... data) {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("topic", TypeInfoFactory.STRING));
    schema.addColumn(new Column("partition", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("offset", TypeInfoFactory.BIGINT));
    for (String column : data) {
      schema.addColumn(new Column(column, TypeInfoFactory.STRING));
    }
    partitions.forEach(p -> schema.addPartitionColumn(new Column(p, TypeInfoFactory.STRING)));
    return schema;
  }

  private Table reloaded() throws OdpsException {
    Table table = odps.tables().get(name);
    table.reload();
    return table;
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::getName).collect(Collectors.toList());
  }

  private void sql(String statement) throws OdpsException {
    MaxComputeSql.on(MC.service()).execute(statement);
  }
}
