package com.aliyun.odps.kafka.connect.maxcompute;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.config;
import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The streaming Tunnel writer against the local MaxCompute, through the official SDK. */
class StreamTunnelTableAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String PT = "05-01-2024 10:00";

  private Odps odps;
  private String tableName;
  private StreamTunnelTable table;
  private final RecordingTunnelMetrics reported = new RecordingTunnelMetrics();
  private Faults.Rule sessionRequests;
  private Faults.Rule packRequests;

  @BeforeEach
  void createTable() throws OdpsException {
    odps = LocalMaxComputeAccess.client(MC.service());
    tableName = "stream_table_" + TABLES.incrementAndGet();
    sql("CREATE TABLE " + tableName + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    table = StreamTunnelTable.open(odps, new TableTunnel(odps), settings(tableName, ""), reported);
    // Zero-latency rules count the requests of a route without changing them.
    sessionRequests = MC.service().faults().delay("stream-create", Duration.ZERO, Faults.FOREVER);
    packRequests = MC.service().faults().delay("stream-write", Duration.ZERO, Faults.FOREVER);
  }

  @AfterEach
  void clear() {
    MC.service().faults().clear();
    table.close();
  }

  @Test
  void eachWriteIsOnePackAndRowsAreVisibleWhenItReturns() throws OdpsException {
    table.write(PT, rows(table, 0, 500));

    assertThat(packRequests.applied()).isEqualTo(1);
    assertThat(count()).isEqualTo(500);
    assertThat(distinctOffsets()).isEqualTo(500);
  }

  @Test
  void itReportsTheSessionsAndPacksTheServiceGotAndTheBytesEncodedAndSent() {
    table.write(PT, rows(table, 0, 300));
    table.write("05-01-2024 10:01", rows(table, 300, 10));

    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(sessionRequests.applied()).isEqualTo(2);
    assertThat(reported.count(TunnelEvent.STREAM_PACK)).isEqualTo(packRequests.applied()).isEqualTo(2);
    assertThat(reported.sentBytes.get()).isPositive().isLessThan(reported.encodedBytes.get());
  }

  @Test
  void withoutCompressionTheBytesSentAreTheBytesEncoded() {
    RecordingTunnelMetrics raw = new RecordingTunnelMetrics();
    try (StreamTunnelTable uncompressed = StreamTunnelTable.open(odps, new TableTunnel(odps),
        parse(config(MC.service(), tableName).streaming(true).set("tunnel_compression", "NONE")), raw)) {
      uncompressed.write(PT, rows(uncompressed, 0, 300));
    }

    assertThat(raw.sentBytes.get()).isGreaterThan(300L * "value-0".length());
    assertThat(raw.encodedBytes.get()).isEqualTo(raw.sentBytes.get());
  }

  @Test
  void oneSessionPerTargetPartitionServesEveryLaterWrite() throws OdpsException {
    table.write(PT, rows(table, 0, 10));
    table.write(PT, rows(table, 10, 10));
    table.write("05-01-2024 10:01", rows(table, 20, 5));
    table.write(PT, rows(table, 25, 5));

    assertThat(sessionRequests.applied()).isEqualTo(2);
    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(2);
    assertThat(packRequests.applied()).isEqualTo(4);
    assertThat(odps.tables().get(tableName).hasPartition(new PartitionSpec("pt='05-01-2024 10:01'"))).isTrue();
    assertThat(count()).isEqualTo(30);
  }

  @Test
  void aCachedSessionTheServiceRefusesIsReplacedAndTheWriteGoesThrough() throws OdpsException {
    table.write(PT, rows(table, 0, 10));
    MC.service().faults().fail("stream-write", 404, 1);

    table.write(PT, rows(table, 10, 10));

    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(2);
    assertThat(count()).isEqualTo(20);
    assertThat(distinctOffsets()).isEqualTo(20);
  }

  @Test
  void aRefusalOnABrandNewSessionFailsForGoodWithTheServiceMessage() throws OdpsException {
    MC.service().faults().fail("stream-write", 400, 1);

    assertThatThrownBy(() -> table.write(PT, rows(table, 0, 10)))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining(tableName)
        .hasMessageContaining("400")
        .hasMessageNotContaining(MC.service().accessKey());
    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(1);
    assertThat(count()).isZero();
  }

  @Test
  void aRefusedSessionIsReopenedThroughAFailedOpenRetriedByTheSdk() throws OdpsException {
    table.write(PT, rows(table, 0, 10));
    MC.service().faults().fail("stream-write", 404, 1);
    // The SDK retries a 5xx itself (1 s, 2 s, ... seven times): one failure costs a second.
    Faults.Rule failedOpens = MC.service().faults().fail("stream-create", 503, 1);

    table.write(PT, rows(table, 10, 10));

    assertThat(failedOpens.applied()).isEqualTo(1);
    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(2);
    assertThat(count()).isEqualTo(20);
    assertThat(distinctOffsets()).isEqualTo(20);
  }

  @Test
  void a503IsRetriedByTheSdkOnTheSameSession() throws OdpsException {
    MC.service().faults().fail("stream-write", 503, 1);

    table.write(PT, rows(table, 0, 10));

    assertThat(packRequests.applied()).isEqualTo(2);
    assertThat(reported.count(TunnelEvent.STREAM_SESSION)).isEqualTo(1);
    assertThat(count()).isEqualTo(10);
  }

  @Test
  void aTableInANonDefaultSchemaIsStreamedInto() throws Exception {
    SQLTask.run(odps, "project_name", "CREATE SCHEMA IF NOT EXISTS stream_schema;",
        Map.of("odps.namespace.schema", "true"), null).waitForSuccess(50);
    TableSchema columns = new TableSchema();
    columns.addColumn(new Column("topic", OdpsType.STRING));
    columns.addColumn(new Column("partition", OdpsType.BIGINT));
    columns.addColumn(new Column("offset", OdpsType.BIGINT));
    columns.addColumn(new Column("value", OdpsType.STRING));
    odps.tables().newTableCreator("project_name", tableName, columns).withSchemaName("stream_schema").create();
    try (StreamTunnelTable inSchema = StreamTunnelTable.open(odps, new TableTunnel(odps), settings(tableName, "stream_schema"))) {
      inSchema.write(null, rows(inSchema, 0, 3));
    }

    TableTunnel.DownloadSession download = new TableTunnel(odps).buildDownloadSession("project_name", tableName)
        .setSchemaName("stream_schema").build();
    List<Long> offsets = new ArrayList<>();
    try (RecordReader reader = download.openRecordReader(0, download.getRecordCount())) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        offsets.add(r.getBigint("offset"));
      }
    }
    assertThat(offsets).containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(count()).as("nothing in the default schema's table of the same name").isZero();
  }

  private static SinkSettings settings(String table, String schema) {
    return parse(config(MC.service(), table).set("schema", schema).streaming(true));
  }

  private static List<Object[]> rows(MaxComputeTable target, long firstOffset, int count) {
    return TextRows.rows(target, firstOffset, count);
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
