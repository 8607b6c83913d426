package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.type.TypeInfoFactory;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DDL through SQL instances and through the SDK's helpers that generate SQL. */
class SqlDdlTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(SdkClients.tunnel(odps), odps.getDefaultProject());

  @Test
  void createTableAcceptsEveryType() throws Exception {
    String name = UniqueNames.table("all_types");
    sql.execute("CREATE TABLE " + name + " " + AllTypesTable.DDL_COLUMNS + ";");

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(columnNames(table.getSchema().getColumns()))
        .containsExactlyElementsOf(columnNames(AllTypesTable.schema().getColumns()));
    assertThat(TypeRoundTripTest.typeNames(table.getSchema()))
        .containsExactlyElementsOf(AllTypesTable.typeNames());
    assertThat(table.isPartitioned()).isFalse();
  }

  @Test
  void createTableKeepsCommentsLifecycleAndPartitionColumns() throws Exception {
    String name = UniqueNames.table("commented");
    sql.execute("CREATE TABLE IF NOT EXISTS " + name
        + " (id BIGINT COMMENT 'the id', name STRING COMMENT 'display name')"
        + " COMMENT 'a commented table' PARTITIONED BY (pt STRING COMMENT 'day', region STRING) LIFECYCLE 7;");

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(table.getComment()).isEqualTo("a commented table");
    assertThat(table.getLife()).isEqualTo(7L);
    assertThat(table.isPartitioned()).isTrue();
    List<Column> columns = table.getSchema().getColumns();
    assertThat(columnNames(columns)).containsExactly("id", "name");
    assertThat(columns.get(0).getComment()).isEqualTo("the id");
    assertThat(columns.get(1).getComment()).isEqualTo("display name");
    List<Column> partitionColumns = table.getSchema().getPartitionColumns();
    assertThat(columnNames(partitionColumns)).containsExactly("pt", "region");
    assertThat(partitionColumns.get(0).getTypeInfo().getTypeName()).isEqualTo("STRING");
    assertThat(partitionColumns.get(0).getComment()).isEqualTo("day");
  }

  @Test
  void createTableIfNotExistsIsIdempotentAndPlainCreateOfAnExistingTableFails() throws Exception {
    String name = UniqueNames.table("twice");
    sql.execute("CREATE TABLE IF NOT EXISTS " + name + " (id BIGINT);");
    sql.execute("CREATE TABLE IF NOT EXISTS " + name + " (other STRING);");

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(columnNames(table.getSchema().getColumns())).containsExactly("id");
    assertThatThrownBy(() -> sql.execute("CREATE TABLE " + name + " (id BIGINT);"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("exist");
  }

  @Test
  void sdkTablesCreateRunsTheGeneratedDdl() throws Exception {
    String name = UniqueNames.table("sdk_created");
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT, "the id"));
    schema.addColumn(new Column("amount", TypeInfoFactory.getDecimalTypeInfo(10, 2)));
    schema.addColumn(new Column("doc", TypeInfoFactory.JSON));
    schema.addColumn(new Column("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING)));
    schema.addPartitionColumn(new Column("pt", TypeInfoFactory.STRING));

    odps.tables().create(odps.getDefaultProject(), name, schema, "made by the SDK", true);

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(table.getComment()).isEqualTo("made by the SDK");
    assertThat(TypeRoundTripTest.typeNames(table.getSchema()))
        .containsExactly("BIGINT", "DECIMAL(10,2)", "JSON", "ARRAY<STRING>");
    assertThat(table.getSchema().getColumn("id").getComment()).isEqualTo("the id");
    assertThat(columnNames(table.getSchema().getPartitionColumns())).containsExactly("pt");
  }

  @Test
  void sdkTableCreatorSetsLifecycleAndComment() throws Exception {
    String name = UniqueNames.table("creator");
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("ts", TypeInfoFactory.DATETIME));

    odps.tables().newTableCreator(odps.getDefaultProject(), name, schema)
        .withComment("with lifecycle").withLifeCycle(3L).ifNotExists().create();

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(table.getLife()).isEqualTo(3L);
    assertThat(table.getComment()).isEqualTo("with lifecycle");
    assertThat(TypeRoundTripTest.typeNames(table.getSchema())).containsExactly("BIGINT", "DATETIME");
  }

  @Test
  void sdkTablesDeleteDropsTheTable() throws Exception {
    String name = UniqueNames.table("dropped");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    assertThat(odps.tables().exists(name)).isTrue();

    odps.tables().delete(odps.getDefaultProject(), name);

    assertThat(odps.tables().exists(name)).isFalse();
    odps.tables().delete(odps.getDefaultProject(), name, true);
    assertThatThrownBy(() -> odps.tables().delete(odps.getDefaultProject(), name, false))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining(name);
  }

  @Test
  void dropTableStatementDropsTheTableAndItsRows() throws Exception {
    String name = UniqueNames.table("drop_sql");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    rows.upload(name, null, TunnelRows.ids(1));

    sql.execute("DROP TABLE " + name + ";");

    assertThat(odps.tables().exists(name)).isFalse();
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    assertThat(sql.count(name)).isZero();
  }

  @Test
  void tableCreateAndDeletePartition() throws Exception {
    String name = UniqueNames.table("sdk_partitions");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    Table table = odps.tables().get(name);
    PartitionSpec spec = TunnelRows.spec("pt", "20240101", "region", "eu");

    table.createPartition(spec);
    assertThat(table.hasPartition(spec)).isTrue();
    table.createPartition(spec, true);
    assertThatThrownBy(() -> table.createPartition(spec, false)).isInstanceOf(OdpsException.class);

    table.deletePartition(spec);
    assertThat(table.hasPartition(spec)).isFalse();
    table.deletePartition(spec, true);
    assertThatThrownBy(() -> table.deletePartition(spec, false)).isInstanceOf(OdpsException.class);
  }

  @Test
  void alterTableAddAndDropPartitionStatements() throws Exception {
    String name = UniqueNames.table("alter_partitions");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING);");
    Table table = odps.tables().get(name);

    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='a');");
    sql.execute("ALTER TABLE " + name + " ADD IF NOT EXISTS PARTITION (pt='a') PARTITION (pt='b');");
    assertThat(table.hasPartition(TunnelRows.spec("pt", "a"))).isTrue();
    assertThat(table.hasPartition(TunnelRows.spec("pt", "b"))).isTrue();

    rows.upload(name, TunnelRows.spec("pt", "a"), TunnelRows.ids(1, 2));
    sql.execute("ALTER TABLE " + name + " DROP IF EXISTS PARTITION (pt='a');");

    assertThat(table.hasPartition(TunnelRows.spec("pt", "a"))).isFalse();
    assertThat(table.hasPartition(TunnelRows.spec("pt", "b"))).isTrue();
    assertThat(sql.count(name)).isZero();
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='a');");
    assertThat(sql.count(name)).as("a re-created partition starts empty").isZero();
  }

  @Test
  void truncateRemovesRowsButKeepsTheTable() throws Exception {
    String plain = UniqueNames.table("truncate_sdk");
    sql.execute("CREATE TABLE " + plain + " (id BIGINT);");
    rows.upload(plain, null, TunnelRows.ids(1, 2));
    String statement = UniqueNames.table("truncate_sql");
    sql.execute("CREATE TABLE " + statement + " (id BIGINT);");
    rows.upload(statement, null, TunnelRows.ids(3));

    odps.tables().get(plain).truncate();
    sql.execute("TRUNCATE TABLE " + statement + ";");

    assertThat(sql.count(plain)).isZero();
    assertThat(sql.count(statement)).isZero();
    assertThat(odps.tables().exists(plain)).isTrue();
    assertThat(rows.downloadCount(plain, null)).isZero();
  }

  @Test
  void descShowsColumnsTypesAndComments() throws Exception {
    String name = UniqueNames.table("described");
    sql.execute("CREATE TABLE " + name + " (id BIGINT COMMENT 'identifier', payload VARCHAR(10))"
        + " PARTITIONED BY (pt STRING);");

    String desc = sql.rawResult("DESC " + name + ";");

    // MaxCompute's DESC names the project and owner, not the table.
    assertThat(desc).contains("Field").contains("id").containsIgnoringCase("bigint")
        .contains("identifier").contains("payload").containsIgnoringCase("varchar(10)").contains("pt");
  }

  @Test
  void showTablesListsCreatedTables() throws Exception {
    String first = UniqueNames.table("listed");
    String second = UniqueNames.table("listed");
    sql.execute("CREATE TABLE " + first + " (id BIGINT);");
    sql.execute("CREATE TABLE " + second + " (id BIGINT);");
    String dropped = UniqueNames.table("unlisted");
    sql.execute("CREATE TABLE " + dropped + " (id BIGINT);");
    sql.execute("DROP TABLE " + dropped + ";");

    String shown = sql.rawResult("SHOW TABLES;");

    assertThat(shown).contains(first).contains(second).doesNotContain(dropped);
  }

  @Test
  void showPartitionsListsEverySpec() throws Exception {
    String name = UniqueNames.table("show_parts");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='20240101', region='eu');");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='20240102', region='us');");

    List<String> lines = Arrays.stream(sql.rawResult("SHOW PARTITIONS " + name + ";").split("\n"))
        .map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toList());

    assertThat(lines).containsExactlyInAnyOrder("pt=20240101/region=eu", "pt=20240102/region=us");
  }

  @Test
  void failingStatementMarksTheTaskFailedAndNamesTheProblem() throws Exception {
    Instance instance = sql.start("SELECT * FROM no_such_table_xyz;");
    SqlRunner.awaitTermination(instance);

    assertThat(instance.getStatus()).isEqualTo(Instance.Status.TERMINATED);
    assertThat(instance.getTaskStatus().get(SqlRunner.TASK).getStatus())
        .isEqualTo(Instance.TaskStatus.Status.FAILED);
    assertThat(instance.isSuccessful()).isFalse();
    assertThatThrownBy(instance::waitForSuccess)
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("no_such_table_xyz");
  }

  @Test
  void syntaxErrorFailsTheTask() throws Exception {
    Instance instance = sql.start("CREATE TABLEE broken (id BIGINT);");
    SqlRunner.awaitTermination(instance);

    assertThat(instance.getTaskStatus().get(SqlRunner.TASK).getStatus())
        .isEqualTo(Instance.TaskStatus.Status.FAILED);
    assertThatThrownBy(instance::waitForSuccess).isInstanceOf(OdpsException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }

  @Test
  void successfulInstanceReportsSuccessAndStartTime() throws Exception {
    Instance instance = sql.start("CREATE TABLE " + UniqueNames.table("ok") + " (id BIGINT);");
    instance.waitForSuccess(50);

    assertThat(instance.getId()).isNotBlank();
    assertThat(instance.isSuccessful()).isTrue();
    assertThat(instance.getTaskStatus().get(SqlRunner.TASK).getStatus())
        .isEqualTo(Instance.TaskStatus.Status.SUCCESS);
    assertThat(instance.getStartTime()).isNotNull();
  }

  static List<String> columnNames(List<Column> columns) {
    return columns.stream().map(Column::getName).collect(Collectors.toList());
  }
}
