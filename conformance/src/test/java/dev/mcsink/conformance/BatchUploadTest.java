package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.CompressOption;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Batch upload sessions: blocks, reload, commit, visibility, partitions, compression, overwrite. */
class BatchUploadTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final String project = odps.getDefaultProject();
  private final TableTunnel tunnel = SdkClients.tunnel(odps);
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(tunnel, project);

  @Test
  void blocksStayInvisibleUntilCommitThenAppearTogether() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    writeBlock(session, 0, 1, 2);
    writeBlock(session, 1, 3);
    writeBlock(session, 2, 4, 5, 6);

    assertThat(session.getBlockList()).containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(rows.downloadCount(table, null)).isZero();
    assertThat(sql.count(table)).isZero();

    session.commit(new Long[] {0L, 1L, 2L});

    assertThat(rows.downloadCount(table, null)).isEqualTo(6);
    assertThat(sql.count(table)).isEqualTo(6);
    assertThat(ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void uncommittedSessionLeavesTheTableUntouched() throws Exception {
    String table = newTable();
    rows.upload(table, null, TunnelRows.ids(1));
    TableTunnel.UploadSession abandoned = tunnel.createUploadSession(project, table);
    writeBlock(abandoned, 0, 2, 3);

    assertThat(ids(rows.download(table, null))).containsExactly(1L);
  }

  @Test
  void newSessionReportsNormalStatusAndTheTableSchema() throws Exception {
    String table = UniqueNames.table("session_schema");
    sql.execute("CREATE TABLE " + table + " (id BIGINT, name STRING, amount DECIMAL(10,2)) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + table + " ADD PARTITION (pt='x');");

    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table, TunnelRows.spec("pt", "x"));

    assertThat(session.getId()).isNotBlank();
    assertThat(session.getStatus()).isEqualTo(TableTunnel.UploadStatus.NORMAL);
    assertThat(SqlDdlTest.columnNames(session.getSchema().getColumns())).containsExactly("id", "name", "amount");
    assertThat(TypeRoundTripTest.typeNames(session.getSchema())).containsExactly("BIGINT", "STRING", "DECIMAL(10,2)");
    assertThat(session.getBlockList()).isEmpty();
  }

  @Test
  void reloadedSessionSeesTheBlocksAndCanCommit() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession first = tunnel.createUploadSession(project, table);
    writeBlock(first, 0, 1, 2);
    writeBlock(first, 7, 3);

    TableTunnel.UploadSession reloaded = tunnel.getUploadSession(project, table, first.getId());

    assertThat(reloaded.getId()).isEqualTo(first.getId());
    assertThat(reloaded.getBlockList()).containsExactlyInAnyOrder(0L, 7L);
    assertThat(SqlDdlTest.columnNames(reloaded.getSchema().getColumns())).containsExactly("id");
    reloaded.commit();
    assertThat(ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void resendingABlockIdReplacesItsRows() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    writeBlock(session, 0, 1, 2, 3);
    writeBlock(session, 0, 4);

    session.commit(new Long[] {0L});

    assertThat(ids(rows.download(table, null))).containsExactly(4L);
  }

  @ParameterizedTest(name = "block compressed with {0}")
  @EnumSource(value = CompressOption.CompressAlgorithm.class, names = {"ODPS_ZLIB", "ODPS_SNAPPY", "ODPS_LZ4_FRAME", "ODPS_ZSTD"})
  void compressedBlocksAreDecoded(CompressOption.CompressAlgorithm algorithm) throws Exception {
    String table = UniqueNames.table("compressed");
    sql.execute("CREATE TABLE " + table + " (id BIGINT, text STRING);");
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    try (RecordWriter writer = session.openRecordWriter(0, new CompressOption(algorithm, 1, 0))) {
      for (long i = 0; i < 500; i++) {
        writer.write(TunnelRows.record(session.newRecord(), new Object[] {i, "repeated text " + i % 7}));
      }
    }
    session.commit(new Long[] {0L});

    List<Record> back = rows.download(table, null);
    assertThat(back).hasSize(500);
    assertThat(back).extracting(r -> r.getString(1)).contains("repeated text 6");
    assertThat(ids(back)).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 500).boxed().collect(Collectors.toList()));
  }

  @Test
  void writerWithDefaultCompressionIsDecoded() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    try (RecordWriter writer = session.openRecordWriter(0, true)) {
      writer.write(TunnelRows.record(session.newRecord(), new Object[] {42L}));
    }
    session.commit(new Long[] {0L});

    assertThat(ids(rows.download(table, null))).containsExactly(42L);
  }

  @Test
  void bufferedWriterUploadsAllRowsAndCommitNeedsNoBlockList() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    try (RecordWriter writer = session.openBufferedWriter()) {
      for (long i = 0; i < 5000; i++) {
        writer.write(TunnelRows.record(session.newRecord(), new Object[] {i}));
      }
    }
    assertThat(session.getBlockList()).isNotEmpty();

    session.commit();

    assertThat(rows.downloadCount(table, null)).isEqualTo(5000);
    assertThat(sql.count(table)).isEqualTo(5000);
  }

  @Test
  void largeBlockOfManyRowsArrivesComplete() throws Exception {
    String table = UniqueNames.table("large_block");
    sql.execute("CREATE TABLE " + table + " (id BIGINT, payload STRING);");
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table);
    String payload = "x".repeat(200);
    try (RecordWriter writer = session.openRecordWriter(0)) {
      for (long i = 0; i < 20_000; i++) {
        writer.write(TunnelRows.record(session.newRecord(), new Object[] {i, payload}));
      }
    }
    session.commit(new Long[] {0L});

    assertThat(sql.scalar("SELECT SUM(id) FROM " + table + ";")).isEqualTo(String.valueOf(19_999L * 20_000 / 2));
  }

  @Test
  void partitionUploadLandsInThatPartitionOnly() throws Exception {
    String table = UniqueNames.table("two_level");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    PartitionSpec eu = TunnelRows.spec("pt", "20240101", "region", "eu");
    PartitionSpec us = TunnelRows.spec("pt", "20240101", "region", "us");
    odps.tables().get(table).createPartition(eu);
    odps.tables().get(table).createPartition(us);

    rows.upload(table, eu, TunnelRows.ids(1, 2));
    rows.upload(table, us, TunnelRows.ids(3));

    assertThat(ids(rows.download(table, eu))).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids(rows.download(table, us))).containsExactly(3L);
    assertThat(sql.query("SELECT id FROM " + table + " WHERE pt='20240101' AND region='us';"))
        .containsExactly(List.of("3"));
  }

  @Test
  void sessionForAMissingPartitionIsRefused() throws Exception {
    String table = UniqueNames.table("missing_part");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING);");

    assertThatThrownBy(() -> tunnel.createUploadSession(project, table, TunnelRows.spec("pt", "nowhere")))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isBetween(400, 499));
  }

  @Test
  void sessionForAMissingTableIsRefused() {
    assertThatThrownBy(() -> tunnel.createUploadSession(project, "no_such_table_for_upload"))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void overwriteReplacesTheTableContentAtCommit() throws Exception {
    String table = newTable();
    rows.upload(table, null, TunnelRows.ids(1, 2));
    TableTunnel.UploadSession overwrite = tunnel.createUploadSession(project, table, true);
    writeBlock(overwrite, 0, 3);

    assertThat(ids(rows.download(table, null))).as("before commit").containsExactlyInAnyOrder(1L, 2L);
    overwrite.commit(new Long[] {0L});

    assertThat(ids(rows.download(table, null))).containsExactly(3L);
  }

  @Test
  void overwriteOfOnePartitionKeepsTheOthers() throws Exception {
    String table = UniqueNames.table("overwrite_part");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + table + " ADD PARTITION (pt='a') PARTITION (pt='b');");
    rows.upload(table, TunnelRows.spec("pt", "a"), TunnelRows.ids(1));
    rows.upload(table, TunnelRows.spec("pt", "b"), TunnelRows.ids(2));

    TableTunnel.UploadSession overwrite = tunnel.createUploadSession(project, table, TunnelRows.spec("pt", "a"), true);
    writeBlock(overwrite, 0, 10, 11);
    overwrite.commit(new Long[] {0L});

    assertThat(ids(rows.download(table, TunnelRows.spec("pt", "a")))).containsExactlyInAnyOrder(10L, 11L);
    assertThat(ids(rows.download(table, TunnelRows.spec("pt", "b")))).containsExactly(2L);
  }

  @Test
  void concurrentSessionsCommitIndependently() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession a = tunnel.createUploadSession(project, table);
    TableTunnel.UploadSession b = tunnel.createUploadSession(project, table);
    writeBlock(a, 0, 1);
    writeBlock(b, 0, 2);

    b.commit(new Long[] {0L});
    assertThat(ids(rows.download(table, null))).containsExactly(2L);
    a.commit(new Long[] {0L});
    assertThat(ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L);
  }

  private String newTable() throws Exception {
    String table = UniqueNames.table("batch");
    sql.execute("CREATE TABLE " + table + " (id BIGINT);");
    return table;
  }

  private static void writeBlock(TableTunnel.UploadSession session, long blockId, long... ids) throws Exception {
    try (RecordWriter writer = session.openRecordWriter(blockId)) {
      for (long id : ids) {
        writer.write(TunnelRows.record(session.newRecord(), new Object[] {id}));
      }
    }
  }

  static List<Long> ids(List<Record> records) {
    return records.stream().map(r -> r.getBigint(0)).collect(Collectors.toList());
  }
}
