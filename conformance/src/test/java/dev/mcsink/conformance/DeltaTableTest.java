package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delta tables (primary key + "transactional"="true") as DDL creates them and the SDK reads them. */
class DeltaTableTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);

  @Test
  void tableLevelPrimaryKeyMakesADeltaTable() throws Exception {
    String name = UniqueNames.table("delta_pk");
    sql.execute("CREATE TABLE " + name + " (k BIGINT NOT NULL, k2 STRING NOT NULL, v STRING,"
        + " PRIMARY KEY (k, k2)) PARTITIONED BY (pt STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"4\");");

    Table table = odps.tables().get(name);

    assertThat(table.isTransactional()).isTrue();
    assertThat(table.getPrimaryKey()).containsExactly("k", "k2");
    assertThat(table.isDeltaTable()).isTrue();
    assertThat(table.getClusterInfo().getBucketNum()).isEqualTo(4);
    assertThat(SqlDdlTest.columnNames(table.getSchema().getColumns())).containsExactly("k", "k2", "v");
  }

  @Test
  void inlinePrimaryKeyTakesTheDefaultBucketNumber() throws Exception {
    String name = UniqueNames.table("delta_inline");
    sql.execute("CREATE TABLE " + name + " (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\");");

    Table table = odps.tables().get(name);

    assertThat(table.getPrimaryKey()).containsExactly("k");
    assertThat(table.isDeltaTable()).isTrue();
    assertThat(table.getClusterInfo().getBucketNum()).isEqualTo(16);
  }

  @Test
  void transactionalTableWithoutKeyIsNoDeltaTable() throws Exception {
    String name = UniqueNames.table("txn_nokey");
    sql.execute("CREATE TABLE " + name + " (k BIGINT, v STRING) TBLPROPERTIES (\"transactional\"=\"true\");");

    Table table = odps.tables().get(name);

    assertThat(table.isTransactional()).isTrue();
    assertThat(table.isDeltaTable()).isFalse();
  }

  @Test
  void plainTableIsNotTransactional() throws Exception {
    String name = UniqueNames.table("plain");
    sql.execute("CREATE TABLE " + name + " (k BIGINT, v STRING);");

    Table table = odps.tables().get(name);

    assertThat(table.isTransactional()).isFalse();
    assertThat(table.getPrimaryKey()).isNullOrEmpty();
    assertThat(table.getClusterInfo()).isNull();
  }

  @Test
  void primaryKeyNeedsTransactional() {
    String name = UniqueNames.table("pk_no_txn");
    assertThatThrownBy(() -> sql.execute("CREATE TABLE " + name + " (k BIGINT NOT NULL, PRIMARY KEY (k));"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("transactional");
  }

  @Test
  void primaryKeyColumnMustBeNotNull() {
    String name = UniqueNames.table("pk_nullable");
    assertThatThrownBy(() -> sql.execute("CREATE TABLE " + name + " (k BIGINT, v STRING, PRIMARY KEY (k))"
        + " TBLPROPERTIES (\"transactional\"=\"true\");"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("NOT NULL");
  }

  @Test
  void primaryKeyColumnMustExist() {
    String name = UniqueNames.table("pk_missing");
    assertThatThrownBy(() -> sql.execute("CREATE TABLE " + name + " (k BIGINT NOT NULL, PRIMARY KEY (nope))"
        + " TBLPROPERTIES (\"transactional\"=\"true\");"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void describeShowsTheKey() throws Exception {
    String name = UniqueNames.table("delta_desc");
    sql.execute("CREATE TABLE " + name + " (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"2\");");

    String desc = sql.rawResult("DESC " + name + ";");

    assertThat(desc).containsPattern("Transactional:\\s+true").containsPattern("PrimaryKey:\\s+k ");
  }
}
