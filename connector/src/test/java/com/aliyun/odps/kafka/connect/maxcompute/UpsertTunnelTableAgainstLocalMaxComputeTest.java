package com.aliyun.odps.kafka.connect.maxcompute;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.config;
import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The upsert-session writer against the local MaxCompute's Delta tables, through the official SDK. */
class UpsertTunnelTableAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();

  private Odps odps;
  private String tableName;
  private UpsertTunnelTable table;
  private final RecordingTunnelMetrics reported = new RecordingTunnelMetrics();
  private Faults.Rule commits;
  private Faults.Rule aborts;

  @BeforeEach
  void createTable() throws OdpsException {
    odps = LocalMaxComputeAccess.client(MC.service());
    tableName = "delta_" + TABLES.incrementAndGet();
    TextRows.sql(odps, "CREATE TABLE " + tableName + " (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT NOT NULL, name STRING, PRIMARY KEY (id)) TBLPROPERTIES (\"transactional\"=\"true\","
        + " \"write.bucket.num\"=\"3\");");
    table = UpsertTunnelTable.open(odps, new TableTunnel(odps), settings(), reported);
    commits = MC.service().faults().delay("upsert-commit", Duration.ZERO, Faults.FOREVER);
    aborts = MC.service().faults().delay("upsert-abort", Duration.ZERO, Faults.FOREVER);
  }

  @AfterEach
  void clear() {
    MC.service().faults().clear();
    table.close();
  }

  @Test
  void theLastChangeOfEachKeyIsCommittedInOneSession() throws OdpsException {
    Changes changes = new Changes().upsert(1, "a").upsert(2, "b").upsert(1, "a2").upsert(3, "c").delete(2).upsert(4, "d")
        .delete(4).upsert(4, "d2");

    table.write(null, changes.batch());

    assertThat(contents()).isEqualTo(Map.of(1L, "a2", 3L, "c", 4L, "d2"));
    assertThat(commits.applied()).isEqualTo(1);
  }

  @Test
  void itReportsEachSessionItOpensEachCommitTheServiceGotAndTheBytesSent() {
    table.write(null, new Changes().upsert(1, "a").upsert(2, "b").batch());
    table.write(null, new Changes().delete(1).batch());

    assertThat(reported.count(TunnelEvent.UPSERT_SESSION)).isEqualTo(2);
    assertThat(reported.count(TunnelEvent.UPSERT_COMMIT)).isEqualTo(commits.applied()).isEqualTo(2);
    assertThat(reported.sentBytes.get()).isPositive();
  }

  @Test
  void onlyTheLastChangePerKeyIsSentInBatchOrder() {
    Changes changes = new Changes().upsert(1, "a").upsert(2, "b").upsert(1, "a2").delete(2).upsert(5, "e");

    assertThat(table.lastChangePerKey(changes.batch())).containsExactly(2, 3, 4);
  }

  @Test
  void changesReplaceRowsCommittedBefore() throws OdpsException {
    table.write(null, new Changes().upsert(1, "a").upsert(2, "b").batch());

    table.write(null, new Changes().upsert(1, "a2").delete(2).delete(9).batch());

    assertThat(contents()).isEqualTo(Map.of(1L, "a2"));
  }

  @Test
  void aFailedWriteCommitsNothingAbortsItsSessionAndCanBeWrittenAgain() throws OdpsException {
    Faults.Rule refused = MC.service().faults().fail("upsert-write", 503, Faults.FOREVER);
    Changes changes = new Changes().upsert(1, "a").upsert(2, "b");

    assertThatThrownBy(() -> table.write(null, changes.batch())).isInstanceOf(TransientWriteException.class);
    assertThat(refused.applied()).as("a flush and retry_times (3) flushes again, then the write fails")
        .isBetween(4, 4 * 3);
    assertThat(contents()).as("nothing visible after a failed write").isEmpty();
    assertThat(aborts.applied()).isEqualTo(1);

    MC.service().faults().clear();
    table.write(null, changes.batch());
    assertThat(contents()).isEqualTo(Map.of(1L, "a", 2L, "b"));
  }

  @Test
  void aCommitWhoseAnswerIsLostCountsAsCommitted() throws OdpsException {
    MC.service().faults().drop("upsert-commit", 1);

    table.write(null, new Changes().upsert(1, "a").batch());

    assertThat(contents()).isEqualTo(Map.of(1L, "a"));
    assertThat(aborts.applied()).isZero();
  }

  @Test
  void aPartitionIsCreatedWhenMissing() throws OdpsException {
    String parted = tableName + "_pt";
    TextRows.sql(odps, "CREATE TABLE " + parted + " (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT NOT NULL PRIMARY KEY, name STRING) PARTITIONED BY (pt STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\");");
    UpsertTunnelTable partedTable = UpsertTunnelTable.open(odps, new TableTunnel(odps),
        parse(config(MC.service(), parted).set("write.mode", "UPSERT")));

    partedTable.write("2024-05-01", new Changes(partedTable).upsert(1, "a").upsert(1, "b").batch());

    assertThat(TextRows.scalar(odps, "SELECT name FROM " + parted + " WHERE pt = '2024-05-01';")).isEqualTo("b");
  }

  @Test
  void aTableWithoutPrimaryKeyIsRefused() throws OdpsException {
    TextRows.sql(odps, "CREATE TABLE plain_" + tableName + " (topic STRING, `partition` BIGINT, `offset` BIGINT, id BIGINT);");

    assertThatThrownBy(() -> UpsertTunnelTable.open(odps, new TableTunnel(odps),
        parse(config(MC.service(), "plain_" + tableName).set("write.mode", "UPSERT"))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("needs a Delta table").hasMessageContaining("no primary key");
  }

  private SinkSettings settings() {
    return parse(config(MC.service(), tableName).set("write.mode", "UPSERT"));
  }

  private Map<Long, String> contents() throws OdpsException {
    Map<Long, String> contents = new java.util.TreeMap<>();
    for (Record r : com.aliyun.odps.task.SQLTask.getResult(com.aliyun.odps.task.SQLTask.run(odps, "project_name",
        "SELECT id, name FROM " + tableName + ";", Map.of("odps.sql.allow.fullscan", "true"), null))) {
      assertThat(contents.put(Long.parseLong(r.get(0).toString()), r.get(1).toString())).as("one row per key").isNull();
    }
    return contents;
  }

  /** Rows of the Delta table, in Kafka order, and which of them delete their key. */
  private final class Changes {
    private final MaxComputeTable target;
    private final List<Object[]> rows = new ArrayList<>();
    private final BitSet deletes = new BitSet();

    Changes() {
      this(table);
    }

    Changes(MaxComputeTable target) {
      this.target = target;
    }

    Changes upsert(long id, String name) {
      rows.add(row(id, name));
      return this;
    }

    Changes delete(long id) {
      deletes.set(rows.size());
      rows.add(row(id, null));
      return this;
    }

    WriteBatch batch() {
      return new WriteBatch(rows, deletes, Map.of());
    }

    private Object[] row(long id, String name) {
      Record row = target.newRow();
      row.setString("topic", "t");
      row.setBigint("partition", 0L);
      row.setBigint("offset", (long) rows.size());
      row.setBigint("id", id);
      row.setString("name", name);
      return row.toArray();
    }
  }
}
