package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.Partition;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;

/**
 * BINARY, which the document lists but shows no example of: keys and values as bytes, through
 * ByteArrayConverter set in the connector JSON (the workers use StringConverter), into BINARY
 * columns, byte for byte. Rows are read back through a Tunnel download: SQL would print them as
 * MaxCompute's quoted-printable text.
 */
class BinaryFormatIT extends IntegrationTestBase {
  private static final long TIMEOUT_MS = 60_000;
  private static final byte[] KEY = {1, 2, 3};
  private static final byte[] VALUE = {0, (byte) 0xff, '\n', '=', '|', (byte) 0x80, 'a'};
  private static final byte[] VALUE_WITHOUT_KEY = {(byte) 0xc3, 0x28};

  @Test
  void binaryFormatWritesKeysAndValuesByteForByte() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_binary(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key BINARY,\n  value BINARY\n"
        + ") PARTITIONED BY (pt STRING);");
    connect.kafka().createTopic("topic_binary", 1);
    try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
      producer.send(new ProducerRecord<>("topic_binary", KEY, VALUE)).get();
      producer.send(new ProducerRecord<>("topic_binary", null, VALUE_WITHOUT_KEY)).get();
    }
    Map<String, String> config = SinkConnectorConfig.documentExample(mc, "BINARY")
        .mode("DEFAULT")
        .set("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .set("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .build();

    connect.configureConnector("odps-test-binary", config);

    List<Record> rows = awaitDownloadedRows("table_binary", 2);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString("topic")).isEqualTo("topic_binary");
    assertThat(rows.get(0).getBigint("offset")).isEqualTo(0L);
    assertThat(rows.get(0).getBytes("key")).containsExactly(KEY);
    assertThat(rows.get(0).getBytes("value")).containsExactly(VALUE);
    assertThat(rows.get(1).getBigint("offset")).isEqualTo(1L);
    assertThat(rows.get(1).getBytes("key")).isNull();
    assertThat(rows.get(1).getBytes("value")).containsExactly(VALUE_WITHOUT_KEY);
  }

  /** Every row of every partition of the table, through the Tunnel, by offset. */
  private List<Record> awaitDownloadedRows(String table, int count) throws InterruptedException {
    AtomicReference<List<Record>> seen = new AtomicReference<>(List.of());
    TestUtils.waitForCondition(() -> {
      seen.set(download(sql.odps(), table));
      return seen.get().size() >= count;
    }, TIMEOUT_MS, 500, () -> "expected " + count + " rows in " + table + " but found " + seen.get().size()
        + "; " + ConnectorStatus.describe(connect, "odps-test-binary"));
    List<Record> rows = new ArrayList<>(seen.get());
    rows.sort(Comparator.comparingLong(r -> r.getBigint("offset")));
    return rows;
  }

  private static List<Record> download(Odps odps, String table) throws Exception {
    TableTunnel tunnel = new TableTunnel(odps);
    List<Record> rows = new ArrayList<>();
    for (Partition partition : odps.tables().get(table).getPartitions()) {
      TableTunnel.DownloadSession session =
          tunnel.createDownloadSession(odps.getDefaultProject(), table, partition.getPartitionSpec());
      try (RecordReader reader = session.openRecordReader(0, session.getRecordCount())) {
        for (Record r = reader.read(); r != null; r = reader.read()) {
          rows.add(r);
        }
      }
    }
    return rows;
  }
}
