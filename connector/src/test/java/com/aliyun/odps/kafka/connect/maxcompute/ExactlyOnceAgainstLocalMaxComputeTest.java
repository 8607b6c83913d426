package com.aliyun.odps.kafka.connect.maxcompute;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.config;
import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * exactly_once through the batch Tunnel against the local MaxCompute, through the official SDK: what
 * one task records is read back by a new table instance, as a task given the partition after a
 * restart or a rebalance would, also when the writer stopped between recording and committing.
 */
class ExactlyOnceAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String PT = "05-01-2024 10:00";
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final TopicPartition P2 = new TopicPartition("t", 2);

  private Odps odps;
  private TableTunnel tunnel;
  private String tableName;
  private BatchTunnelTable task0;

  @BeforeEach
  void createTable() throws OdpsException {
    odps = LocalMaxComputeAccess.client(MC.service());
    tunnel = new TableTunnel(odps);
    tableName = "exactly_once_" + TABLES.incrementAndGet();
    TextRows.sql(odps, "CREATE TABLE " + tableName
        + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    task0 = BatchTunnelTable.open(odps, tunnel, settings(0));
  }

  @AfterEach
  void clear() {
    MC.service().faults().clear();
    task0.close();
  }

  @Test
  void aNewTaskReadsBackTheOffsetsOfEveryWriteAndTheStateTableIsPartitionedPerTask() throws OdpsException {
    task0.write(PT, batch(0, 100, Map.of(P0, 99L, P1, 49L)));
    task0.write(PT, batch(100, 10, Map.of(P0, 109L)));

    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      assertThat(task1.committedOffsets(List.of(P0, P1, P2))).as("P2 was never written")
          .containsOnly(Map.entry(P0, 109L), Map.entry(P1, 49L));
    }
    assertThat(TextRows.count(odps, tableName)).isEqualTo(110);
    assertThat(odps.tables().get(tableName + OffsetsStateTable.SUFFIX).getPartitionSpecs())
        .extracting(PartitionSpec::toString)
        .containsExactlyInAnyOrder("connector='conn',task='0'", "connector='conn',task='1'");
  }

  @Test
  void aRestartedTaskCarriesItsEntriesForwardWhenItWritesOtherPartitions() {
    task0.write(PT, batch(0, 10, Map.of(P1, 9L)));
    task0.close();

    task0 = BatchTunnelTable.open(odps, tunnel, settings(0));
    task0.write(PT, batch(10, 5, Map.of(P0, 4L)));

    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      assertThat(task1.committedOffsets(List.of(P0, P1))).as("P1's entry survives the overwrite of task 0's partition")
          .containsOnly(Map.entry(P0, 4L), Map.entry(P1, 9L));
    }
  }

  @Test
  void eachWriteCostsOneMoreSmallUploadSessionAndCommit() {
    Faults.Rule sessions = MC.service().faults().delay("upload-create", Duration.ZERO, Faults.FOREVER);
    Faults.Rule commits = MC.service().faults().delay("upload-commit", Duration.ZERO, Faults.FOREVER);
    Faults.Rule sql = MC.service().faults().delay("instance-create", Duration.ZERO, Faults.FOREVER);

    task0.write(PT, batch(0, 100, Map.of(P0, 99L)));
    task0.write(PT, batch(100, 100, Map.of(P0, 199L)));

    assertThat(sessions.applied()).as("data + state, per write").isEqualTo(4);
    assertThat(commits.applied()).isEqualTo(4);
    assertThat(sql.applied()).as("one ALTER TABLE ADD PARTITION for pt, no more SQL").isEqualTo(1);
  }

  @Test
  void aSessionRecordedButNeverCommittedIsCommittedByTheNextReaderAndCounts() throws Exception {
    task0.write(PT, batch(0, 10, Map.of(P0, 9L)));
    String uploadId = uploadWithoutCommit(10, 20);
    ledgerOfTask0(P0).recordBeforeCommit(uploadId, 2, PT, Map.of(P0, 29L));
    assertThat(TextRows.count(odps, tableName)).as("the writer stopped before committing").isEqualTo(10);

    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      assertThat(task1.committedOffsets(List.of(P0))).containsExactly(Map.entry(P0, 29L));
    }
    assertThat(TextRows.count(odps, tableName)).isEqualTo(30);
    assertThat(TextRows.distinctOffsets(odps, tableName)).isEqualTo(30);
    assertThat(tunnel.getUploadSession("project_name", tableName, new PartitionSpec("pt='" + PT + "'"), uploadId)
        .getStatus()).isEqualTo(TableTunnel.UploadStatus.CLOSED);
  }

  @Test
  void aSessionCommittedByItsWriterWhoseAnswerWasLostCountsOnce() throws Exception {
    String uploadId = uploadWithoutCommit(0, 20);
    ledgerOfTask0(P0).recordBeforeCommit(uploadId, 2, PT, Map.of(P0, 19L));
    // The zombie's commit lands; the reader then finds it committed, or commits it a second time.
    tunnel.getUploadSession("project_name", tableName, new PartitionSpec("pt='" + PT + "'"), uploadId)
        .commit(new Long[] {0L, 1L});

    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      assertThat(task1.committedOffsets(List.of(P0))).containsExactly(Map.entry(P0, 19L));
    }
    assertThat(TextRows.count(odps, tableName)).isEqualTo(20);
  }

  @Test
  void aRecordedSessionThatIsGoneFallsBackToTheOffsetCommittedBefore() throws Exception {
    task0.write(PT, batch(0, 10, Map.of(P0, 9L)));
    // What an expired session looks like to the SDK: the service no longer knows it.
    ledgerOfTask0(P0).recordBeforeCommit("20240501100000deadbeefdeadbeefdeadbeef", 1, PT, Map.of(P0, 29L));

    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      assertThat(task1.committedOffsets(List.of(P0))).containsExactly(Map.entry(P0, 9L));
    }
    assertThat(TextRows.count(odps, tableName)).isEqualTo(10);
  }

  @Test
  void aTransientFailureReadingTheStateIsTransient() {
    task0.write(PT, batch(0, 10, Map.of(P0, 9L)));
    try (BatchTunnelTable task1 = BatchTunnelTable.open(odps, tunnel, settings(1))) {
      MC.service().faults().fail("download-create", 503, Faults.FOREVER);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> task1.committedOffsets(List.of(P0)))
          .isInstanceOf(TransientWriteException.class);
    }
  }

  @Test
  void inANonDefaultSchemaTheStateTableIsMadeInThatSchema() throws Exception {
    SQLTask.run(odps, "project_name", "CREATE SCHEMA IF NOT EXISTS once_schema;",
        Map.of("odps.namespace.schema", "true"), null).waitForSuccess(50);
    String inSchemaTable = tableName + "_in_schema";
    TextRows.sql(odps, "CREATE TABLE project_name.once_schema." + inSchemaTable
        + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    SinkSettings inSchema = parse(config(MC.service(), inSchemaTable).set("schema", "once_schema")
        .set("exactly_once", "true").set("name", "conn"));
    try (BatchTunnelTable writer = BatchTunnelTable.open(odps, tunnel, inSchema)) {
      writer.write(PT, new WriteBatch(TextRows.rows(writer, 0, 5), new BitSet(), Map.of(P0, 4L)));
    }
    try (BatchTunnelTable reader = BatchTunnelTable.open(odps, tunnel, inSchema)) {
      assertThat(reader.committedOffsets(List.of(P0))).containsExactly(Map.entry(P0, 4L));
    }

    assertThat(odps.tables().exists("project_name", "once_schema", inSchemaTable + OffsetsStateTable.SUFFIX)).isTrue();
    assertThat(odps.tables().exists(inSchemaTable + OffsetsStateTable.SUFFIX)).as("none in the default schema").isFalse();
  }

  @Test
  void anAtLeastOnceTableKnowsNoOffsetsAndMakesNoStateTable() throws OdpsException {
    SinkSettings atLeastOnce = parse(config(MC.service(), tableName));
    String other = tableName + "_plain";
    TextRows.sql(odps, "CREATE TABLE " + other
        + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    try (BatchTunnelTable plain = BatchTunnelTable.open(odps, tunnel, parse(config(MC.service(), other)))) {
      plain.write(PT, batch(0, 3, Map.of(P0, 2L)));
      assertThat(plain.committedOffsets(List.of(P0))).isEmpty();
    }
    assertThat(atLeastOnce.exactlyOnce()).isFalse();
    assertThat(odps.tables().exists(other + OffsetsStateTable.SUFFIX)).isFalse();
  }

  private SinkSettings settings(int task) {
    return parse(config(MC.service(), tableName).set("exactly_once", "true").set("name", "conn")
        .set(com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.TASK_INDEX, String.valueOf(task)));
  }

  /** Rows of offsets [first, first + count) recorded as the given last offsets per partition. */
  private WriteBatch batch(long first, int count, Map<TopicPartition, Long> lastOffsets) {
    return new WriteBatch(TextRows.rows(task0, first, count), new BitSet(), lastOffsets);
  }

  /**
   * A ledger of task 0 as a restarted task's table keeps one, {@code partitions} opened (a task asks
   * before it writes them): with it a test records a session and stops before committing it.
   */
  private OffsetsLedger ledgerOfTask0(TopicPartition... opened) {
    TargetTable target = TargetTable.read(odps, settings(0));
    OffsetsLedger ledger = new OffsetsLedger(OffsetsStateTable.open(odps, tunnel, target, "conn", 0),
        new TargetUploads(tunnel, target), Clock.systemUTC());
    ledger.committedOffsets(List.of(opened));
    return ledger;
  }

  /** Uploads rows of offsets [first, first + count) in two blocks and leaves the session uncommitted. */
  private String uploadWithoutCommit(long first, int count) throws Exception {
    odps.tables().get(tableName).createPartition(new PartitionSpec("pt='" + PT + "'"), true);
    TableTunnel.UploadSession session = tunnel.createUploadSession("project_name", tableName,
        new PartitionSpec("pt='" + PT + "'"));
    List<Object[]> rows = TextRows.rows(task0, first, count);
    for (int block = 0; block < 2; block++) {
      try (RecordWriter writer = session.openRecordWriter(block)) {
        for (Object[] values : rows.subList(block * count / 2, (block + 1) * count / 2)) {
          Record record = task0.newRow();
          for (int column = 0; column < values.length; column++) {
            record.set(column, values[column]);
          }
          writer.write(record);
        }
      }
    }
    return session.getId();
  }
}
