package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product document's "Write TEXT data" example, replayed on a real Kafka and Connect worker
 * with its own connector JSON (endpoint and keys pointed at the local MaxCompute).
 */
class TextExampleEndToEndTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final String CONNECTOR = "odps-test-text";
  private static final long TIMEOUT_MS = 60_000;

  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void startConnect() {
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("plugin.discovery", "service_load");
    workerProps.put("offset.flush.interval.ms", "1000");
    connect = new EmbeddedConnectCluster.Builder().name("text-example").numWorkers(1).numBrokers(1)
        .workerProps(workerProps).build();
    connect.start();
  }

  @AfterAll
  static void stopConnect() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void textValuesLandWithNullKeysAndTheirOffsetsAreCommitted() throws Exception {
    Odps odps = odps();
    SQLTask.run(odps, "CREATE TABLE IF NOT EXISTS table_text(\n"
        + "  topic STRING,\n  `partition` BIGINT,\n  `offset` BIGINT,\n  key STRING,\n  value STRING\n"
        + ") PARTITIONED BY (pt STRING);").waitForSuccess(50);
    connect.kafka().createTopic("topic_text", 1);
    connect.kafka().produce("topic_text", "123", "abc");
    connect.kafka().produce("topic_text", "456", "edf");

    connect.configureConnector(CONNECTOR, documentConfig());
    connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

    TestUtils.waitForCondition(() -> rows(odps).size() >= 2, TIMEOUT_MS, () -> "rows never arrived: " + safeRows(odps));
    List<List<String>> rows = rows(odps);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("topic_text", "0", "0", null, "abc");
    assertThat(rows.get(1)).startsWith("topic_text", "0", "1", null, "edf");
    assertThat(rows).allSatisfy(row -> assertThat(row.get(5)).matches("\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d"));

    TopicPartition tp = new TopicPartition("topic_text", 0);
    try (Admin admin = connect.kafka().createAdminClient()) {
      TestUtils.waitForCondition(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("connect-" + CONNECTOR)
            .partitionsToOffsetAndMetadata().get().get(tp);
        return committed != null && committed.offset() == 2;
      }, TIMEOUT_MS, "the offsets of the written rows were not committed");
    }
  }

  private static Map<String, String> documentConfig() {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector");
    config.put("tasks.max", "3");
    config.put("topics", "topic_text");
    config.put("endpoint", MC.service().endpoint());
    config.put("project", "project_name");
    config.put("schema", "default");
    config.put("table", "table_text");
    config.put("account_type", "ALIYUN");
    config.put("access_id", MC.service().accessId());
    config.put("access_key", MC.service().accessKey());
    config.put("partition_window_type", "MINUTE");
    config.put("mode", "VALUE");
    config.put("format", "TEXT");
    config.put("sink_pool_size", "150");
    config.put("record_batch_size", "9000");
    config.put("buffer_size_kb", "600000");
    return config;
  }

  private static Odps odps() {
    Odps odps = new Odps(new AliyunAccount(MC.service().accessId(), MC.service().accessKey()));
    odps.setEndpoint(MC.service().endpoint());
    odps.setDefaultProject("project_name");
    return odps;
  }

  private static String safeRows(Odps odps) {
    try {
      return rows(odps).toString();
    } catch (OdpsException e) {
      return e.getMessage();
    }
  }

  private static List<List<String>> rows(Odps odps) throws OdpsException {
    Instance query = SQLTask.run(odps, "project_name", "select * from table_text order by `offset`;",
        Map.of("odps.sql.allow.fullscan", "true"), null);
    query.waitForSuccess(50);
    List<List<String>> rows = new ArrayList<>();
    for (Record r : SQLTask.getResult(query)) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.getColumnCount(); i++) {
        // SQL results are text; MaxCompute prints null as \N.
        Object v = r.get(i);
        row.add(v == null || "\\N".equals(v.toString()) ? null : v.toString());
      }
      rows.add(row);
    }
    return rows;
  }
}
