package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector on a real Kafka + Connect against the local MaxCompute's https endpoint, whose
 * certificate is self-signed: rows land when the connector is given the trust store (batch Tunnel
 * found by discovery, streaming Tunnel at a configured https tunnel_endpoint); without it, creation
 * is refused and a task fails at once, both saying to set ssl_truststore_location.
 */
class HttpsEndpointIT extends IntegrationTestBase {
  private static final int RECORDS = 20;
  private static final long TIMEOUT_MS = 60_000;
  private static final long FAIL_FAST_MS = 30_000;

  @TempDir
  static Path dir;

  HttpsEndpointIT() {
    super(new Setup().workerProps(ProviderFile.WORKER_PROPS).deletingConnectorsAfterEach());
  }

  @BeforeAll
  void createTable() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_https(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
  }

  /** The document's TEXT example, one task, at the https endpoint, with no trust store. */
  private SinkConnectorConfig httpsText(String topic) {
    return SinkConnectorConfig.documentExample(mc, "TEXT").topics(topic).table("table_https").tasksMax(1)
        .httpsEndpoint();
  }

  /** {@link #httpsText} with the service's trust store. */
  private SinkConnectorConfig trustedHttpsText(String topic) {
    return httpsText(topic).trustStore(mc.trustStore().toString(), SelfSignedTls.PASSWORD);
  }

  private void produceAndAwaitRows(String connector, String topic) throws Exception {
    produceAndAwaitRows(connector, topic, "table_https");
  }

  private void produceAndAwaitRows(String connector, String topic, String table) throws Exception {
    connect.kafka().createTopic(topic, 1);
    for (int i = 0; i < RECORDS; i++) {
      connect.kafka().produce(topic, "k" + i, "over-tls-" + i);
    }
    List<Map<String, String>> rows = sql.awaitRowsFromTopic(table, topic, RECORDS, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
    assertThat(rows).extracting(r -> r.get("value")).startsWith("over-tls-0", "over-tls-1").hasSize(RECORDS);
  }

  @Test
  void batchWritesGoThroughTheHttpsEndpointWithTheTrustStore() throws Exception {
    connect.configureConnector("https-batch", trustedHttpsText("topic_https_batch").build());

    produceAndAwaitRows("https-batch", "topic_https_batch");
  }

  @Test
  void streamingWritesGoThroughAnHttpsTunnelEndpointWithTheTrustStore() throws Exception {
    Map<String, String> config = trustedHttpsText("topic_https_stream").streaming(true).httpsTunnelEndpoint().build();
    connect.configureConnector("https-stream", config);

    produceAndAwaitRows("https-stream", "topic_https_stream");
  }

  /** The upsert session speaks through Netty, not the SDK's HTTP client: it must get the trust store too. */
  @Test
  void upsertsGoThroughTheHttpsEndpointWithTheTrustStore() throws Exception {
    sql.execute("CREATE TABLE IF NOT EXISTS table_https_upsert(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING NOT NULL PRIMARY KEY, value STRING) TBLPROPERTIES (\"transactional\"=\"true\");");
    Map<String, String> config = trustedHttpsText("topic_https_upsert").table("table_https_upsert").mode("DEFAULT")
        .set("write.mode", "UPSERT").set("upsert.commit.interval.ms", "500").build();
    connect.configureConnector("https-upsert", config);

    produceAndAwaitRows("https-upsert", "topic_https_upsert", "table_https_upsert");
  }

  @Test
  void withoutTheTrustStoreCreationIsRefusedOnEndpoint() {
    Map<String, String> config = httpsText("topic_https_untrusted").build();

    assertThatThrownBy(() -> connect.configureConnector("https-untrusted", config))
        .hasMessageContaining("endpoint")
        .hasMessageContaining("TLS with MaxCompute at " + LocalTrust.httpsEndpoint(mc) + " failed")
        .hasMessageContaining("ssl_truststore_location");
  }

  @Test
  void aTaskWithoutTheTrustStoreFailsAtOnceWithACertificateError() throws Exception {
    ProviderFile trust = new ProviderFile(dir.resolve("trust.properties"))
        .put("location", mc.trustStore().toString())
        .put("password", SelfSignedTls.PASSWORD);
    Map<String, String> config = httpsText("topic_https_lost_trust")
        .trustStore(trust.ref("location"), trust.ref("password"))
        .build();
    connect.kafka().createTopic("topic_https_lost_trust", 1);
    connect.configureConnector("https-lost-trust", config);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("https-lost-trust", 1, "did not start");

    // The worker that runs the task has no trust store for it any more.
    trust.put("location", "").put("password", "");
    connect.restartTask("https-lost-trust", 0);
    String trace = ConnectorStatus.awaitFailedTask(connect, "https-lost-trust", FAIL_FAST_MS);

    assertThat(trace).contains("Cannot start: endpoint: TLS with MaxCompute at " + LocalTrust.httpsEndpoint(mc))
        .contains("PKIX path building failed")
        .contains("ssl_truststore_location");
  }
}
