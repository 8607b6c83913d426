package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.CompressOption;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Download sessions: counts, row ranges, column subsets, compression, partitions, reload. */
class DownloadTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static final String TEN = UniqueNames.table("ten_rows");
  private static final String PARTED = UniqueNames.table("parted");
  private static final PartitionSpec P1 = TunnelRows.spec("pt", "1");
  private static final PartitionSpec P2 = TunnelRows.spec("pt", "2");

  private static Odps odps;
  private static String project;
  private static TableTunnel tunnel;

  @BeforeAll
  static void loadTables() throws Exception {
    odps = SdkClients.odps(MC.service());
    project = odps.getDefaultProject();
    tunnel = SdkClients.tunnel(odps);
    SqlRunner sql = new SqlRunner(odps);
    TunnelRows rows = new TunnelRows(tunnel, project);
    sql.execute("CREATE TABLE " + TEN + " (a BIGINT, b STRING, c DOUBLE);");
    List<Object[]> ten = new ArrayList<>();
    for (long i = 0; i < 10; i++) {
      ten.add(new Object[] {i, "row " + i, i / 2.0});
    }
    rows.upload(TEN, null, ten);
    sql.execute("CREATE TABLE " + PARTED + " (id BIGINT) PARTITIONED BY (pt STRING);");
    sql.execute("ALTER TABLE " + PARTED + " ADD PARTITION (pt='1') PARTITION (pt='2') PARTITION (pt='empty');");
    rows.upload(PARTED, P1, TunnelRows.ids(1, 2, 3));
    rows.upload(PARTED, P2, TunnelRows.ids(4));
  }

  @Test
  void sessionCountsTheRowsOfTheTable() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    assertThat(session.getId()).isNotBlank();
    assertThat(session.getRecordCount()).isEqualTo(10);
    assertThat(SqlDdlTest.columnNames(session.getSchema().getColumns())).containsExactly("a", "b", "c");
  }

  @Test
  void rowRangeReturnsThatSliceInCommitOrder() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    List<Record> slice = TunnelRows.read(session, 3, 4);

    assertThat(slice).extracting(r -> r.getBigint(0)).containsExactly(3L, 4L, 5L, 6L);
    assertThat(slice).extracting(r -> r.getString(1)).containsExactly("row 3", "row 4", "row 5", "row 6");
  }

  @Test
  void consecutiveRangesCoverTheTableOnce() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    List<Long> ids = new ArrayList<>();
    for (long start = 0; start < 10; start += 4) {
      TunnelRows.read(session, start, Math.min(4, 10 - start)).forEach(r -> ids.add(r.getBigint(0)));
    }

    assertThat(ids).containsExactlyElementsOf(LongStream.range(0, 10).boxed().collect(Collectors.toList()));
  }

  @Test
  void columnListReadsOnlyThoseColumnsInThatOrder() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);
    List<Column> columns = List.of(session.getSchema().getColumn("c"), session.getSchema().getColumn("a"));

    List<Record> records = new ArrayList<>();
    try (RecordReader reader = session.openRecordReader(0, 10, false, columns)) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }

    assertThat(records).hasSize(10);
    assertThat(records.get(7).getColumnCount()).isEqualTo(2);
    assertThat(records.get(7).getColumns()).extracting(Column::getName).containsExactly("c", "a");
    assertThat(records.get(7).getDouble(0)).isEqualTo(3.5d);
    assertThat(records.get(7).getBigint(1)).isEqualTo(7L);
  }

  @ParameterizedTest(name = "download compressed with {0}")
  @EnumSource(value = CompressOption.CompressAlgorithm.class, names = {"ODPS_RAW", "ODPS_ZLIB", "ODPS_SNAPPY", "ODPS_LZ4_FRAME", "ODPS_ZSTD"})
  void compressedDownloadReturnsTheSameRows(CompressOption.CompressAlgorithm algorithm) throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    List<Record> records = new ArrayList<>();
    try (RecordReader reader = session.openRecordReader(0, 10, new CompressOption(algorithm, 1, 0))) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }

    assertThat(records).extracting(r -> r.getString(1))
        .containsExactlyElementsOf(LongStream.range(0, 10).mapToObj(i -> "row " + i).collect(Collectors.toList()));
  }

  @Test
  void defaultCompressionFlagReturnsTheSameRows() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    List<Record> records = new ArrayList<>();
    try (RecordReader reader = session.openRecordReader(0, 10, true)) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }

    assertThat(records).extracting(r -> r.getDouble(2)).contains(4.5d, 0.0d);
    assertThat(records).hasSize(10);
  }

  @Test
  void partitionSessionsSeeOnlyTheirPartition() throws Exception {
    TableTunnel.DownloadSession one = tunnel.createDownloadSession(project, PARTED, P1);
    TableTunnel.DownloadSession two = tunnel.createDownloadSession(project, PARTED, P2);
    TableTunnel.DownloadSession empty = tunnel.createDownloadSession(project, PARTED, TunnelRows.spec("pt", "empty"));

    assertThat(one.getRecordCount()).isEqualTo(3);
    assertThat(two.getRecordCount()).isEqualTo(1);
    assertThat(empty.getRecordCount()).isZero();
    assertThat(TunnelRows.read(one, 0, 3)).extracting(r -> r.getBigint(0)).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(one.getSchema().getColumns()).extracting(Column::getName).containsExactly("id");
  }

  @Test
  void builderCreatesTheSameSessionAsTheShortcut() throws Exception {
    TableTunnel.DownloadSession session = tunnel.buildDownloadSession(project, PARTED).setPartitionSpec(P2).build();

    assertThat(session.getRecordCount()).isEqualTo(1);
    assertThat(TunnelRows.read(session, 0, 1)).extracting(r -> r.getBigint(0)).containsExactly(4L);
  }

  @Test
  void reloadedSessionKeepsItsCountAndReads() throws Exception {
    TableTunnel.DownloadSession created = tunnel.createDownloadSession(project, TEN);

    TableTunnel.DownloadSession reloaded = tunnel.getDownloadSession(project, TEN, created.getId());

    assertThat(reloaded.getId()).isEqualTo(created.getId());
    assertThat(reloaded.getRecordCount()).isEqualTo(10);
    assertThat(TunnelRows.read(reloaded, 9, 1)).extracting(r -> r.getBigint(0)).containsExactly(9L);
  }

  @Test
  void missingPartitionIsRefused() {
    assertThatThrownBy(() -> tunnel.createDownloadSession(project, PARTED, TunnelRows.spec("pt", "absent")))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isBetween(400, 499));
  }

  @Test
  void partitionedTableNeedsAPartitionSpec() {
    assertThatThrownBy(() -> tunnel.createDownloadSession(project, PARTED))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isBetween(400, 499));
  }

  @Test
  void missingTableIsRefused() {
    assertThatThrownBy(() -> tunnel.createDownloadSession(project, "no_such_table_for_download"))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void rangePastTheEndIsRefused() throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, TEN);

    assertThatThrownBy(() -> TunnelRows.read(session, 8, 5)).isInstanceOfAny(TunnelException.class, IOException.class);
  }
}
