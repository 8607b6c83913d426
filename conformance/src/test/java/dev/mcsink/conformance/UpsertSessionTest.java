package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.streams.UpsertStream;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upsert sessions into Delta tables, driven as the SDK drives them: nothing is visible before
 * commit, reads see the newest row per key and no deleted key, abort discards.
 */
class UpsertSessionTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  /**
   * Closes sessions off the test thread: UpsertSession.close() only stops the session's own Netty
   * threads (no request), and waits for them to go quiet for two seconds.
   */
  private static final ExecutorService CLOSER = Executors.newCachedThreadPool();
  private static final List<CompletableFuture<Void>> CLOSING = new ArrayList<>();

  private final Odps odps = SdkClients.odps(MC.service());
  private final String project = odps.getDefaultProject();
  private final TableTunnel tunnel = SdkClients.tunnel(odps);
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(tunnel, project);

  @Test
  void upsertsAreInvisibleUntilCommit() throws Exception {
    String table = deltaTable(4);
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      upsert(session, stream, 1, "a");
      upsert(session, stream, 2, "b");
      stream.flush();

      assertThat(rows.downloadCount(table, null)).as("flushed, not committed").isZero();
    }
    session.commit(false);

    assertThat(contents(table)).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b"));
    assertThat(sql.count(table)).isEqualTo(2);
    closeInBackground(session);
  }

  @Test
  void laterOperationOnAKeyWinsWithinASession() throws Exception {
    String table = deltaTable(4);
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      upsert(session, stream, 1, "a");
      upsert(session, stream, 1, "b");
      upsert(session, stream, 2, "x");
      delete(session, stream, 2);
      delete(session, stream, 3);
      upsert(session, stream, 3, "c");
    }
    session.commit(false);
    closeInBackground(session);

    assertThat(contents(table)).containsExactly(Map.entry(1L, "b"), Map.entry(3L, "c"));
  }

  @Test
  void readsSeeTheNewestRowPerKeyAcrossSessions() throws Exception {
    String table = deltaTable(4);
    commitUpserts(table, null, Map.of(1L, "a", 2L, "b", 3L, "c"));

    TableTunnel.UpsertSession second = tunnel.buildUpsertSession(project, table).build();
    try (UpsertStream stream = second.buildUpsertStream().build()) {
      upsert(second, stream, 1, "a2");
      delete(second, stream, 2);
    }
    second.commit(false);
    closeInBackground(second);

    assertThat(contents(table)).containsExactly(Map.entry(1L, "a2"), Map.entry(3L, "c"));
    assertThat(sql.query(SqlRunner.FULLSCAN + "SELECT k, v FROM " + table + " ORDER BY k LIMIT 10;"))
        .containsExactly(List.of("1", "a2"), List.of("3", "c"));
  }

  @Test
  void abortDiscardsTheChanges() throws Exception {
    String table = deltaTable(4);
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      upsert(session, stream, 1, "a");
    }
    session.abort();

    assertThat(session.getStatus()).isEqualTo("aborted");
    assertThat(rows.downloadCount(table, null)).isZero();
    assertThatThrownBy(() -> session.commit(false)).isInstanceOf(TunnelException.class);
    closeInBackground(session);
  }

  @Test
  void statusGoesFromNormalToCommitted() throws Exception {
    String table = deltaTable(4);
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).build();

    assertThat(session.getStatus()).isEqualTo("normal");
    session.commit(false);

    assertThat(session.getStatus()).isEqualTo("committed");
    closeInBackground(session);
  }

  @Test
  void asyncCommitHasCommittedWhenItReturns() throws Exception {
    String table = deltaTable(2);
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).setSchemaName("default").build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      upsert(session, stream, 1, "a");
    }

    session.commit(true);

    assertThat(session.getStatus()).isEqualTo("committed");
    assertThat(contents(table)).containsExactly(Map.entry(1L, "a"));
    closeInBackground(session);
  }

  @Test
  void sessionRebuiltByIdCommitsWhatItWrites() throws Exception {
    String table = deltaTable(4);
    TableTunnel.UpsertSession first = tunnel.buildUpsertSession(project, table).build();
    TableTunnel.UpsertSession again = tunnel.buildUpsertSession(project, table).setUpsertId(first.getId()).build();
    try (UpsertStream stream = again.buildUpsertStream().build()) {
      upsert(again, stream, 7, "seven");
    }
    again.commit(false);

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(first.getStatus()).isEqualTo("committed");
    assertThat(contents(table)).containsExactly(Map.entry(7L, "seven"));
    closeInBackground(first);
    closeInBackground(again);
  }

  @Test
  void manyKeysSpreadOverSlotsAndBucketsAllArrive() throws Exception {
    String table = UniqueNames.table("upsert_compound");
    sql.execute("CREATE TABLE " + table + " (k BIGINT NOT NULL, name STRING NOT NULL, v STRING,"
        + " PRIMARY KEY (k, name)) TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"5\");");
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).setSlotNum(3).build();
    AtomicLong flushed = new AtomicLong();
    try (UpsertStream stream = session.buildUpsertStream().setListener(new UpsertStream.Listener() {
      @Override
      public void onFlush(UpsertStream.FlushResult result) {
        flushed.addAndGet(result.recordCount);
      }

      @Override
      public boolean onFlushFail(Exception error, int retry) {
        return false;
      }
    }).build()) {
      for (long k = -100; k < 100; k++) {
        Record r = session.newRecord();
        r.setBigint("k", k);
        r.setString("name", "n" + (k % 7));
        r.setString("v", "v" + k);
        stream.upsert(r);
      }
    }
    session.commit(false);
    closeInBackground(session);

    assertThat(flushed.get()).isEqualTo(200);
    assertThat(rows.downloadCount(table, null)).isEqualTo(200);
  }

  @Test
  void upsertsStayInTheirPartition() throws Exception {
    String table = UniqueNames.table("upsert_part");
    sql.execute("CREATE TABLE " + table + " (k BIGINT NOT NULL PRIMARY KEY, v STRING) PARTITIONED BY (pt STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"2\");");
    PartitionSpec a = TunnelRows.spec("pt", "a");
    PartitionSpec b = TunnelRows.spec("pt", "b");
    commitUpserts(table, a, Map.of(1L, "a1"));
    commitUpserts(table, b, Map.of(1L, "b1"));

    assertThat(rows.downloadCount(table, a)).isEqualTo(1);
    assertThat(rows.download(table, b).get(0).getString("v")).isEqualTo("b1");
    assertThat(sql.count(table)).isEqualTo(2);
  }

  @Test
  void tableWithoutPrimaryKeyRefusesUpsertSessions() throws Exception {
    String table = UniqueNames.table("upsert_plain");
    sql.execute("CREATE TABLE " + table + " (k BIGINT, v STRING);");

    assertThatThrownBy(() -> tunnel.buildUpsertSession(project, table).build())
        .isInstanceOf(TunnelException.class)
        .satisfies(e -> assertThat(((TunnelException) e).getStatus()).isEqualTo(400));
  }

  @Test
  void batchUploadAndStreamIntoADeltaTableApplyByKey() throws Exception {
    String table = deltaTable(4);
    commitUpserts(table, null, Map.of(1L, "a", 2L, "b"));

    rows.upload(table, null, TunnelRows.rows(new Object[] {1L, "a2"}, new Object[] {3L, "c"}, new Object[] {3L, "c2"}));
    rows.stream(table, null, TunnelRows.rows(new Object[] {2L, "b2"}));

    assertThat(contents(table)).containsExactly(Map.entry(1L, "a2"), Map.entry(2L, "b2"), Map.entry(3L, "c2"));
  }

  @Test
  void sqlInsertIntoADeltaTableReplacesByKey() throws Exception {
    String table = deltaTable(4);
    commitUpserts(table, null, Map.of(1L, "a", 2L, "b"));

    sql.execute("INSERT INTO TABLE " + table + " VALUES (2, 'b2'), (3, 'c'), (3, 'c2');");

    assertThat(contents(table)).containsExactly(Map.entry(1L, "a"), Map.entry(2L, "b2"), Map.entry(3L, "c2"));
  }

  @Test
  void aSessionOpenedBeforeAddColumnsKeepsItsSchemaAndCommitsNullsInTheNewColumns() throws Exception {
    String table = deltaTable(4);
    commitUpserts(table, null, Map.of(1L, "a"));
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(project, table).build();

    sql.execute("ALTER TABLE " + table + " ADD COLUMNS (extra STRING);");
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      upsert(session, stream, 1, "a2");
      upsert(session, stream, 2, "b");
    }
    session.commit(false);
    closeInBackground(session);

    assertThat(session.getSchema().getColumns()).hasSize(2);
    assertThat(sql.query(SqlRunner.FULLSCAN + "SELECT k, v, extra FROM " + table + " ORDER BY k LIMIT 10;"))
        .containsExactly(List.of("1", "a2", SqlRunner.NULL_TEXT), List.of("2", "b", SqlRunner.NULL_TEXT));
  }

  /** Every session closed, as the tests asked. */
  @AfterAll
  static void awaitClosedSessions() throws Exception {
    CompletableFuture.allOf(CLOSING.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    CLOSER.shutdown();
  }

  private static synchronized void closeInBackground(TableTunnel.UpsertSession session) {
    CLOSING.add(CompletableFuture.runAsync(session::close, CLOSER));
  }

  private String deltaTable(int buckets) throws Exception {
    String table = UniqueNames.table("upsert");
    sql.execute("CREATE TABLE " + table + " (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"" + buckets + "\");");
    return table;
  }

  private void commitUpserts(String table, PartitionSpec partition, Map<Long, String> values) throws Exception {
    TableTunnel.UpsertSession.Builder builder = tunnel.buildUpsertSession(project, table);
    if (partition != null) {
      builder.setPartitionSpec(partition);
    }
    TableTunnel.UpsertSession session = builder.build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      for (Map.Entry<Long, String> e : values.entrySet()) {
        upsert(session, stream, e.getKey(), e.getValue());
      }
    }
    session.commit(false);
    closeInBackground(session);
  }

  private static void upsert(TableTunnel.UpsertSession session, UpsertStream stream, long k, String v)
      throws Exception {
    Record r = session.newRecord();
    r.setBigint("k", k);
    r.setString("v", v);
    stream.upsert(r);
  }

  private static void delete(TableTunnel.UpsertSession session, UpsertStream stream, long k) throws Exception {
    Record r = session.newRecord();
    r.setBigint("k", k);
    stream.delete(r);
  }

  /** The table's rows through a download session, as key → value (a duplicate key fails the test). */
  private Map<Long, String> contents(String table) throws Exception {
    Map<Long, String> byKey = new TreeMap<>();
    List<Long> keys = new ArrayList<>();
    for (Record r : rows.download(table, null)) {
      keys.add(r.getBigint("k"));
      byKey.put(r.getBigint("k"), r.getString("v"));
    }
    assertThat(keys).doesNotHaveDuplicates();
    return byKey;
  }
}
