package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.CompressOption;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streaming upload sessions: rows are durable and visible once a flush returns; no commit. */
class StreamUploadTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final String project = odps.getDefaultProject();
  private final TableTunnel tunnel = SdkClients.tunnel(odps);
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(tunnel, project);

  @Test
  void flushedRowsAreVisibleWithoutCommit() throws Exception {
    String table = newTable();
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    append(session, pack, 1, 2, 3);

    assertThat(pack.getRecordCount()).isEqualTo(3);
    assertThat(rows.downloadCount(table, null)).as("appended, not flushed").isZero();
    pack.flush();

    assertThat(rows.downloadCount(table, null)).isEqualTo(3);
    assertThat(sql.count(table)).isEqualTo(3);
  }

  @Test
  void everyFlushAddsItsRows() throws Exception {
    String table = newTable();
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();

    append(session, pack, 1, 2);
    pack.flush();
    append(session, pack, 3);
    pack.flush();
    TableTunnel.StreamRecordPack second = session.newRecordPack();
    append(session, second, 4);
    second.flush();

    assertThat(BatchUploadTest.ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
  }

  @Test
  void sessionReportsIdAndTableSchema() throws Exception {
    String table = UniqueNames.table("stream_schema");
    sql.execute("CREATE TABLE " + table + " (id BIGINT, name STRING, ts DATETIME);");

    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table).build();

    assertThat(session.getId()).isNotBlank();
    assertThat(SqlDdlTest.columnNames(session.getSchema().getColumns())).containsExactly("id", "name", "ts");
    assertThat(TypeRoundTripTest.typeNames(session.getSchema())).containsExactly("BIGINT", "STRING", "DATETIME");
  }

  @Test
  void createPartitionOptionCreatesTheMissingPartition() throws Exception {
    String table = UniqueNames.table("stream_part");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    PartitionSpec spec = TunnelRows.spec("pt", "20240301", "region", "eu");
    Table meta = odps.tables().get(table);
    assertThat(meta.hasPartition(spec)).isFalse();

    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table)
        .setPartitionSpec(spec).setCreatePartition(true).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    append(session, pack, 5, 6);
    pack.flush();

    assertThat(meta.hasPartition(spec)).isTrue();
    assertThat(BatchUploadTest.ids(rows.download(table, spec))).containsExactlyInAnyOrder(5L, 6L);
    assertThat(sql.query("SELECT id FROM " + table + " WHERE pt='20240301' AND region='eu' ORDER BY id LIMIT 10;"))
        .containsExactly(List.of("5"), List.of("6"));
  }

  @Test
  void missingPartitionWithoutCreateOptionIsRefused() throws Exception {
    String table = UniqueNames.table("stream_nopart");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING);");

    assertThatThrownBy(() -> tunnel.buildStreamUploadSession(project, table)
        .setPartitionSpec(TunnelRows.spec("pt", "absent")).build())
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isBetween(400, 499));
    assertThat(odps.tables().get(table).hasPartition(TunnelRows.spec("pt", "absent"))).isFalse();
  }

  @Test
  void existingPartitionAcceptsStreamsWithoutCreateOption() throws Exception {
    String table = UniqueNames.table("stream_existing");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + table + " ADD PARTITION (pt='a');");
    PartitionSpec spec = TunnelRows.spec("pt", "a");

    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table)
        .setPartitionSpec(spec).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    append(session, pack, 9);
    pack.flush();

    assertThat(BatchUploadTest.ids(rows.download(table, spec))).containsExactly(9L);
  }

  @Test
  void aPartitionOrTableDroppedWhileTheSessionIsOpenRefusesTheNextPackNamingWhatIsGone() throws Exception {
    String table = UniqueNames.table("stream_dropped");
    sql.execute("CREATE TABLE " + table + " (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + table + " ADD PARTITION (pt='a');");
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table)
        .setPartitionSpec(TunnelRows.spec("pt", "a")).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    append(session, pack, 1);
    pack.flush();

    sql.execute("ALTER TABLE " + table + " DROP PARTITION (pt='a');");
    append(session, pack, 2);
    assertThatThrownBy(pack::flush).hasMessageContaining("NoSuchPartition");

    sql.execute("DROP TABLE " + table + ";");
    TableTunnel.StreamRecordPack next = session.newRecordPack();
    append(session, next, 3);
    assertThatThrownBy(next::flush).hasMessageContaining("NoSuchTable");
  }

  @ParameterizedTest(name = "record pack compressed with {0}")
  @EnumSource(value = CompressOption.CompressAlgorithm.class, names = {"ODPS_ZLIB", "ODPS_SNAPPY", "ODPS_LZ4_FRAME", "ODPS_ZSTD"})
  void compressedPacksAreDecoded(CompressOption.CompressAlgorithm algorithm) throws Exception {
    String table = newTable();
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(project, table).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack(new CompressOption(algorithm, 1, 0));
    for (long i = 0; i < 300; i++) {
      pack.append(TunnelRows.record(session.newRecord(), new Object[] {i}));
    }
    pack.flush();

    assertThat(rows.downloadCount(table, null)).isEqualTo(300);
    assertThat(sql.scalar("SELECT SUM(id) FROM " + table + ";")).isEqualTo(String.valueOf(299L * 300 / 2));
  }

  @Test
  void streamsAndBatchUploadsMixInOneTable() throws Exception {
    String table = newTable();
    rows.upload(table, null, TunnelRows.ids(1));
    rows.stream(table, null, TunnelRows.ids(2));
    rows.upload(table, null, TunnelRows.ids(3));

    assertThat(BatchUploadTest.ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void twoSessionsStreamIntoTheSameTable() throws Exception {
    String table = newTable();
    TableTunnel.StreamUploadSession first = tunnel.buildStreamUploadSession(project, table).build();
    TableTunnel.StreamUploadSession second = tunnel.buildStreamUploadSession(project, table).build();
    TableTunnel.StreamRecordPack a = first.newRecordPack();
    TableTunnel.StreamRecordPack b = second.newRecordPack();
    append(first, a, 1);
    append(second, b, 2);

    b.flush();
    a.flush();

    assertThat(BatchUploadTest.ids(rows.download(table, null))).containsExactlyInAnyOrder(1L, 2L);
  }

  private String newTable() throws Exception {
    String table = UniqueNames.table("stream");
    sql.execute("CREATE TABLE " + table + " (id BIGINT);");
    return table;
  }

  private static void append(TableTunnel.StreamUploadSession session, TableTunnel.StreamRecordPack pack, long... ids)
      throws Exception {
    for (long id : ids) {
      pack.append(TunnelRows.record(session.newRecord(), new Object[] {id}));
    }
  }
}
