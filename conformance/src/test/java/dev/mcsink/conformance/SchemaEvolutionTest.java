package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.exceptions.SchemaMismatchException;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ALTER TABLE ADD COLUMNS seen through the SDK: the table's metadata, and tunnel sessions opened
 * before the change (which keep their schema) and after it (which see the new one).
 */
class SchemaEvolutionTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);
  private final TableTunnel tunnel = SdkClients.tunnel(odps);
  private final TunnelRows rows = new TunnelRows(tunnel, odps.getDefaultProject());

  @Test
  void addedColumnsGoLastAndTheReloadedTableShowsThemWithANewDdlTime() throws Exception {
    String name = UniqueNames.table("evolve_meta");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING);");
    Table table = odps.tables().get(name);
    table.reload();
    long createdDdl = table.getLastMetaModifiedTime().getTime();
    awaitNextSecond(createdDdl);

    sql.execute("ALTER TABLE " + name + " ADD COLUMNS (name STRING COMMENT 'display name', score DOUBLE);");

    table.reload();
    assertThat(SqlDdlTest.columnNames(table.getSchema().getColumns())).containsExactly("id", "name", "score");
    assertThat(table.getSchema().getColumn("name").getComment()).isEqualTo("display name");
    assertThat(SqlDdlTest.columnNames(table.getSchema().getPartitionColumns())).containsExactly("pt");
    assertThat(table.getLastMetaModifiedTime().getTime()).isGreaterThan(createdDdl);
  }

  @Test
  void olderRowsReadNullInTheNewColumnsThroughSqlAndDownload() throws Exception {
    String name = UniqueNames.table("evolve_rows");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    rows.upload(name, null, TunnelRows.ids(1));

    sql.execute("ALTER TABLE " + name + " ADD COLUMNS IF NOT EXISTS (id BIGINT, extra BIGINT);");
    rows.upload(name, null, TunnelRows.rows(new Object[] {2L, 20L}));

    assertThat(sql.query("SELECT id, extra FROM " + name + " ORDER BY id LIMIT 10;"))
        .containsExactly(List.of("1", SqlRunner.NULL_TEXT), List.of("2", "20"));
    assertThat(texts(rows.download(name, null))).containsExactly("1|null", "2|20");
  }

  @Test
  void anUploadSessionOpenedBeforeKeepsItsSchemaAndCommitsNullsInTheNewColumns() throws Exception {
    String name = UniqueNames.table("evolve_upload");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='a');");
    PartitionSpec a = TunnelRows.spec("pt", "a");
    TableTunnel.UploadSession before = tunnel.createUploadSession(odps.getDefaultProject(), name, a);

    sql.execute("ALTER TABLE " + name + " ADD COLUMNS (extra STRING);");
    try (RecordWriter writer = before.openRecordWriter(0)) {
      writer.write(TunnelRows.record(before.newRecord(), new Object[] {1L}));
    }
    before.commit(new Long[] {0L});
    TableTunnel.UploadSession after = tunnel.createUploadSession(odps.getDefaultProject(), name, a);

    assertThat(before.getSchema().getColumns()).hasSize(1);
    assertThat(SqlDdlTest.columnNames(after.getSchema().getColumns())).containsExactly("id", "extra");
    assertThat(texts(rows.download(name, a))).containsExactly("1|null");
  }

  @Test
  void aStreamSessionOpenedBeforeWritesNullsInTheNewColumnsUnlessItAsksForTheLatestSchema() throws Exception {
    String name = UniqueNames.table("evolve_stream");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    TableTunnel.StreamUploadSession tolerant = tunnel.buildStreamUploadSession(odps.getDefaultProject(), name)
        .build();
    TableTunnel.StreamUploadSession strict = tunnel.buildStreamUploadSession(odps.getDefaultProject(), name)
        .allowSchemaMismatch(false).build();

    sql.execute("ALTER TABLE " + name + " ADD COLUMNS (extra BIGINT);");
    TableTunnel.StreamRecordPack pack = tolerant.newRecordPack();
    pack.append(TunnelRows.record(tolerant.newRecord(), new Object[] {1L}));
    pack.flush();
    TableTunnel.StreamRecordPack refused = strict.newRecordPack();
    refused.append(TunnelRows.record(strict.newRecord(), new Object[] {2L}));

    assertThatThrownBy(refused::flush).isInstanceOf(SchemaMismatchException.class)
        .satisfies(e -> assertThat(((SchemaMismatchException) e).getLatestSchemaVersion()).isNotBlank());
    TableTunnel.StreamUploadSession reopened = tunnel.buildStreamUploadSession(odps.getDefaultProject(), name)
        .allowSchemaMismatch(false).build();
    TableTunnel.StreamRecordPack accepted = reopened.newRecordPack();
    accepted.append(TunnelRows.record(reopened.newRecord(), new Object[] {3L, 30L}));
    accepted.flush();

    assertThat(tolerant.getSchema().getColumns()).hasSize(1);
    assertThat(reopened.getSchema().getColumns()).hasSize(2);
    assertThat(texts(rows.download(name, null))).containsExactly("1|null", "3|30");
  }

  @Test
  void aDownloadSessionOpenedBeforeKeepsItsSchema() throws Exception {
    String name = UniqueNames.table("evolve_download");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    rows.upload(name, null, TunnelRows.ids(1, 2));
    TableTunnel.DownloadSession before = tunnel.createDownloadSession(odps.getDefaultProject(), name);

    sql.execute("ALTER TABLE " + name + " ADD COLUMNS (extra BIGINT);");

    List<Record> records = TunnelRows.read(before, 0, before.getRecordCount());
    assertThat(before.getSchema().getColumns()).hasSize(1);
    assertThat(texts(records)).containsExactly("1", "2");
    assertThat(tunnel.createDownloadSession(odps.getDefaultProject(), name).getSchema().getColumns()).hasSize(2);
  }

  /** The service's times have second resolution: a change must fall in a later second to show. */
  private static void awaitNextSecond(long millis) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.currentTimeMillis() / 1000 <= millis / 1000) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the clock did not pass " + millis);
      }
      Thread.onSpinWait();
    }
  }

  static List<String> texts(List<Record> records) {
    return records.stream().map(r -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.getColumnCount(); i++) {
        Object value = r.get(i);
        b.append(i > 0 ? "|" : "").append(value instanceof byte[] bytes
            ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value);
      }
      return b.toString();
    }).collect(Collectors.toList());
  }
}
