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
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The batch Tunnel writer against the local MaxCompute, through the official SDK. */
class BatchTunnelTableAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String PT = "05-01-2024 10:00";

  private Odps odps;
  private String tableName;
  private BatchTunnelTable table;
  private final RecordingTunnelMetrics reported = new RecordingTunnelMetrics();
  private Faults.Rule blockUploads;
  private Faults.Rule sessions;
  private Faults.Rule commits;
  private Faults.Rule sqlStatements;

  @BeforeEach
  void createTable() throws OdpsException {
    odps = LocalMaxComputeAccess.client(MC.service());
    tableName = "tunnel_table_" + TABLES.incrementAndGet();
    sql("CREATE TABLE " + tableName + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    table = BatchTunnelTable.open(odps, new TableTunnel(odps), settings(8000, 3), reported);
    // Zero-latency rules count the requests of a route without changing them.
    blockUploads = MC.service().faults().delay("upload-block", Duration.ZERO, Faults.FOREVER);
    sessions = MC.service().faults().delay("upload-create", Duration.ZERO, Faults.FOREVER);
    commits = MC.service().faults().delay("upload-commit", Duration.ZERO, Faults.FOREVER);
    sqlStatements = MC.service().faults().delay("instance-create", Duration.ZERO, Faults.FOREVER);
  }

  @AfterEach
  void clear() {
    MC.service().faults().clear();
    table.close();
  }

  @Test
  void rowsAreCutIntoOneBlockPerWriterThreadAndCommittedInOneSession() throws OdpsException {
    table.write(PT, rows(0, 25_000));

    assertThat(blockUploads.applied()).as("3 writer threads; 25,000 rows would make 4 blocks of 8,000").isEqualTo(3);
    assertThat(sessions.applied()).isEqualTo(1);
    assertThat(commits.applied()).isEqualTo(1);
    assertThat(count()).isEqualTo(25_000);
    assertThat(distinctOffsets()).isEqualTo(25_000);
  }

  @Test
  void itReportsTheSessionsBlocksAndCommitsTheServiceGotAndTheBytesEncodedAndSent() {
    table.write(PT, rows(0, 25_000));
    table.write(PT, rows(25_000, 10));

    assertThat(reported.count(TunnelEvent.UPLOAD_SESSION)).isEqualTo(sessions.applied()).isEqualTo(2);
    assertThat(reported.count(TunnelEvent.BLOCK)).isEqualTo(blockUploads.applied()).isEqualTo(4);
    assertThat(reported.count(TunnelEvent.UPLOAD_COMMIT)).isEqualTo(commits.applied()).isEqualTo(2);
    assertThat(reported.encodedBytes.get()).as("encoded: more than the values' characters")
        .isGreaterThan(25_010L * "value-0".length());
    assertThat(reported.sentBytes.get()).as("sent: compressed (snappy, repetitive values)").isPositive()
        .isLessThan(reported.encodedBytes.get());
    assertThat(reported.tables).containsExactly("project_name." + tableName);
  }

  @Test
  void aWriteSmallerThanRecordBatchSizeIsOneBlock() throws OdpsException {
    table.write(PT, rows(0, 7_999));

    assertThat(blockUploads.applied()).isEqualTo(1);
    assertThat(count()).isEqualTo(7_999);
  }

  @Test
  void aMissingPartitionIsCreatedOnceAndRemembered() throws OdpsException {
    table.write(PT, rows(0, 10));
    table.write(PT, rows(10, 10));
    table.write("05-01-2024 10:01", rows(20, 5));

    assertThat(sqlStatements.applied()).as("one ALTER TABLE per new partition").isEqualTo(2);
    assertThat(odps.tables().get(tableName).hasPartition(new com.aliyun.odps.PartitionSpec("pt='" + PT + "'"))).isTrue();
    assertThat(count()).isEqualTo(25);
  }

  @Test
  void aPartitionCreatedByAnotherTaskIsFine() throws OdpsException {
    sql("ALTER TABLE " + tableName + " ADD PARTITION (pt='" + PT + "');");

    table.write(PT, rows(0, 3));

    assertThat(count()).isEqualTo(3);
  }

  @Test
  void aBlockRefusedWith503IsTransientAndTheRetryWritesEveryRowOnce() throws OdpsException {
    List<Object[]> rows = rows(0, 20_000);
    MC.service().faults().fail("upload-block", 503, 1);

    assertThatThrownBy(() -> table.write(PT, rows)).isInstanceOf(TransientWriteException.class)
        .hasMessageContaining("503");
    assertThat(count()).as("nothing visible after a failed write").isZero();

    table.write(PT, rows);

    assertThat(count()).isEqualTo(20_000);
    assertThat(distinctOffsets()).isEqualTo(20_000);
  }

  @Test
  void aCommitRefusedWith503IsRetriedByTheSdkAndWritesEveryRowOnce() throws OdpsException {
    MC.service().faults().fail("upload-commit", 503, 1);

    table.write(PT, rows(0, 100));

    assertThat(commits.applied()).as("the failed commit and the SDK's retry").isEqualTo(2);
    assertThat(sessions.applied()).isEqualTo(1);
    assertThat(count()).isEqualTo(100);
    assertThat(distinctOffsets()).isEqualTo(100);
  }

  @Test
  void aBlockRefusedWith400FailsForGoodWithTheServiceMessage() throws OdpsException {
    MC.service().faults().fail("upload-block", 400, 1);

    assertThatThrownBy(() -> table.write(PT, rows(0, 10)))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining(tableName)
        .hasMessageContaining("400")
        .hasMessageNotContaining(MC.service().accessKey());
    assertThat(count()).isZero();
  }

  @Test
  void aMissingTableFailsAtOpenNamingIt() {
    SinkSettings settings = parse(config(MC.service(), "no_such_table"));

    assertThatThrownBy(() -> BatchTunnelTable.open(odps, new TableTunnel(odps), settings))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining("no_such_table");
  }

  @Test
  void theSchemaAndFreshRowsComeFromTheTable() {
    assertThat(table.schema().getColumns()).extracting(c -> c.getName()).containsExactly("topic", "partition", "offset", "value");
    assertThat(table.schema().getPartitionColumns()).extracting(c -> c.getName()).containsExactly("pt");
    Record row = table.newRow();
    assertThat(row.getColumnCount()).isEqualTo(4);
    assertThat(row.get(0)).isNull();
  }

  @Test
  void aTableInANonDefaultSchemaIsWrittenWithItsPartitionCreatedThere() throws Exception {
    SQLTask.run(odps, "project_name", "CREATE SCHEMA IF NOT EXISTS batch_schema;",
        Map.of("odps.namespace.schema", "true"), null).waitForSuccess(50);
    sql("CREATE TABLE project_name.batch_schema." + tableName
        + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    SinkSettings inSchema = parse(config(MC.service(), tableName).set("schema", "batch_schema"));
    try (BatchTunnelTable schemaTable = BatchTunnelTable.open(odps, new TableTunnel(odps), inSchema)) {
      schemaTable.write(PT, TextRows.rows(schemaTable, 0, 3));
    }

    assertThat(odps.tables().get("project_name", "batch_schema", tableName).hasPartition(
        new com.aliyun.odps.PartitionSpec("pt='" + PT + "'"))).isTrue();
    assertThat(MC.service().warehouse().rowCount(new dev.mcsink.localmc.types.TableId("project_name", "batch_schema",
        tableName), dev.mcsink.localmc.types.PartitionSpec.parse("pt='" + PT + "'"))).isEqualTo(3);
    assertThat(count()).as("nothing in the default schema's table of the same name").isZero();
  }

  private SinkSettings settings(int recordBatchSize, int poolSize) {
    return parse(config(MC.service(), tableName).set("record_batch_size", String.valueOf(recordBatchSize))
        .set("sink_pool_size", String.valueOf(poolSize)));
  }

  private List<Object[]> rows(long firstOffset, int count) {
    return TextRows.rows(table, firstOffset, count);
  }

  private long count() throws OdpsException {
    return TextRows.count(odps, tableName);
  }

  private long distinctOffsets() throws OdpsException {
    return TextRows.distinctOffsets(odps, tableName);
  }

  private void sql(String statement) throws OdpsException {
    TextRows.sql(odps, statement);
  }
}
