package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** INSERT INTO / OVERWRITE through SQL instances; the rows seen by SQL, the Tunnel and the table's metadata. */
class SqlInsertTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(SdkClients.tunnel(odps), odps.getDefaultProject());

  @Test
  void insertValuesSucceedsWithAnEmptyResultAndTheRowsAreVisibleEverywhere() throws Exception {
    String name = UniqueNames.table("insert_values");
    sql.execute("CREATE TABLE " + name + " (id BIGINT, name STRING, score DOUBLE);");
    Table table = odps.tables().get(name);
    table.reload();
    long modifiedBefore = table.getLastDataModifiedTime().getTime();

    Instance instance = sql.start("INSERT INTO TABLE " + name + " VALUES (1L, \"a\", 1.5), (2, 'b', NULL);");
    instance.waitForSuccess(50);

    assertThat(instance.getTaskStatus().get(SqlRunner.TASK).getStatus())
        .isEqualTo(Instance.TaskStatus.Status.SUCCESS);
    assertThat(SQLTask.getResult(instance)).isEmpty();
    assertThat(sql.query("SELECT id, name, score FROM " + name + " ORDER BY id LIMIT 10;"))
        .containsExactly(List.of("1", "a", "1.5"), List.of("2", "b", SqlRunner.NULL_TEXT));
    assertThat(SchemaEvolutionTest.texts(rows.download(name, null))).containsExactly("1|a|1.5", "2|b|null");
    table.reload();
    assertThat(table.getRecordNum()).isEqualTo(2);
    assertThat(table.getLastDataModifiedTime().getTime()).isGreaterThanOrEqualTo(modifiedBefore);
  }

  @Test
  void insertOverwriteIntoAStaticPartitionCreatesItAndReplacesItsRows() throws Exception {
    String name = UniqueNames.table("insert_partition");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='x', region='eu');");
    rows.upload(name, TunnelRows.spec("pt", "x", "region", "eu"), TunnelRows.ids(99));
    Table table = odps.tables().get(name);

    sql.execute("INSERT INTO TABLE " + name + " PARTITION (pt='20240101', region='eu') VALUES (1), (2);");
    assertThat(table.hasPartition(TunnelRows.spec("pt", "20240101", "region", "eu"))).isTrue();
    sql.execute("INSERT OVERWRITE TABLE " + name + " PARTITION (pt='20240101', region='eu') SELECT id + 10 FROM "
        + name + " WHERE pt = '20240101';");

    assertThat(SchemaEvolutionTest.texts(rows.download(name, TunnelRows.spec("pt", "20240101", "region", "eu"))))
        .containsExactly("11", "12");
    assertThat(SchemaEvolutionTest.texts(rows.download(name, TunnelRows.spec("pt", "x", "region", "eu")))).containsExactly("99");
    assertThat(table.getPartition(TunnelRows.spec("pt", "20240101", "region", "eu")).getRecordNum())
        .isEqualTo(2);
  }

  @Test
  void insertSelectWithADynamicPartitionWritesOnePartitionPerValue() throws Exception {
    String source = UniqueNames.table("insert_source");
    String target = UniqueNames.table("insert_dynamic");
    sql.execute("CREATE TABLE " + source + " (id BIGINT, region STRING);");
    sql.execute("INSERT INTO " + source + " VALUES (1, 'eu'), (2, 'us'), (3, 'eu');");
    sql.execute("CREATE TABLE " + target + " (id BIGINT) PARTITIONED BY (region STRING);");

    sql.execute("INSERT OVERWRITE TABLE " + target + " PARTITION (region) SELECT id, region FROM " + source + ";");

    assertThat(SchemaEvolutionTest.texts(rows.download(target, TunnelRows.spec("region", "eu")))).containsExactly("1", "3");
    assertThat(SchemaEvolutionTest.texts(rows.download(target, TunnelRows.spec("region", "us")))).containsExactly("2");
  }

  @Test
  void aValueOfATypeMaxComputeWillNotConvertFailsTheTaskAndWritesNothing() throws Exception {
    String name = UniqueNames.table("insert_bad");
    sql.execute("CREATE TABLE " + name + " (id BIGINT, ok BOOLEAN);");

    assertThatThrownBy(() -> sql.execute("INSERT INTO " + name + " VALUES (1, 'yes');"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("ODPS-0130141")
        .hasMessageContaining("BOOLEAN");
    assertThat(sql.count(name)).isZero();
  }
}
