package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector on a real Kafka + Connect against the local MaxCompute's https endpoint, whose
 * certificate is self-signed: rows land when the connector is given the trust store (batch Tunnel
 * found by discovery, streaming Tunnel at a configured https tunnel_endpoint); without it, creation
 * is refused and a task fails at once, both saying to set ssl_truststore_location.
 */
class HttpsEndpointIT {
  private static final int RECORDS = 20;
  private static final long TIMEOUT_MS = 60_000;
  private static final long FAIL_FAST_MS = 30_000;

  @RegisterExtension
  @Order(1)
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @RegisterExtension
  @Order(2)
  static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(1, ProviderFile.WORKER_PROPS);

  @TempDir
  static Path dir;
  private static EmbeddedConnectCluster connect;
  private static MaxComputeSql sql;

  @BeforeAll
  static void setUp() throws Exception {
    connect = CONNECT.connect();
    sql = MaxComputeSql.on(MC.service());
    sql.execute("CREATE TABLE IF NOT EXISTS table_https(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);");
  }

  @AfterEach
  void deleteConnectors() {
    for (String name : connect.connectors()) {
      connect.deleteConnector(name);
    }
  }

  /** The document's TEXT example, one task, at the https endpoint with the service's trust store. */
  private static Map<String, String> httpsText(String topic) {
    Map<String, String> c = DocumentConnectorConfigs.text(MC.service());
    c.put("topics", topic);
    c.put("table", "table_https");
    c.put("tasks.max", "1");
    c.put("endpoint", LocalTrust.httpsEndpoint(MC.service()));
    c.put("ssl_truststore_location", MC.service().trustStore().toString());
    c.put("ssl_truststore_password", SelfSignedTls.PASSWORD);
    return c;
  }

  private static void produceAndAwaitRows(String connector, String topic) throws Exception {
    connect.kafka().createTopic(topic, 1);
    for (int i = 0; i < RECORDS; i++) {
      connect.kafka().produce(topic, "k" + i, "over-tls-" + i);
    }
    List<Map<String, String>> rows = sql.awaitRowsFromTopic("table_https", topic, RECORDS, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
    assertThat(rows).extracting(r -> r.get("value")).startsWith("over-tls-0", "over-tls-1").hasSize(RECORDS);
  }

  @Test
  void batchWritesGoThroughTheHttpsEndpointWithTheTrustStore() throws Exception {
    connect.configureConnector("https-batch", httpsText("topic_https_batch"));

    produceAndAwaitRows("https-batch", "topic_https_batch");
  }

  @Test
  void streamingWritesGoThroughAnHttpsTunnelEndpointWithTheTrustStore() throws Exception {
    Map<String, String> config = StreamingConfigs.streaming(httpsText("topic_https_stream"));
    config.put("tunnel_endpoint", MC.service().tunnelEndpoint().replaceFirst("^http:", "https:"));
    connect.configureConnector("https-stream", config);

    produceAndAwaitRows("https-stream", "topic_https_stream");
  }

  @Test
  void withoutTheTrustStoreCreationIsRefusedOnEndpoint() {
    Map<String, String> config = httpsText("topic_https_untrusted");
    config.remove("ssl_truststore_location");
    config.remove("ssl_truststore_password");

    assertThatThrownBy(() -> connect.configureConnector("https-untrusted", config))
        .hasMessageContaining("endpoint")
        .hasMessageContaining("TLS with MaxCompute at " + LocalTrust.httpsEndpoint(MC.service()) + " failed")
        .hasMessageContaining("ssl_truststore_location");
  }

  @Test
  void aTaskWithoutTheTrustStoreFailsAtOnceWithACertificateError() throws Exception {
    ProviderFile trust = new ProviderFile(dir.resolve("trust.properties"))
        .put("location", MC.service().trustStore().toString())
        .put("password", SelfSignedTls.PASSWORD);
    Map<String, String> config = httpsText("topic_https_lost_trust");
    config.put("ssl_truststore_location", trust.ref("location"));
    config.put("ssl_truststore_password", trust.ref("password"));
    connect.kafka().createTopic("topic_https_lost_trust", 1);
    connect.configureConnector("https-lost-trust", config);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("https-lost-trust", 1, "did not start");

    // The worker that runs the task has no trust store for it any more.
    trust.put("location", "").put("password", "");
    connect.restartTask("https-lost-trust", 0);
    String trace = ConnectorStatus.awaitFailedTask(connect, "https-lost-trust", FAIL_FAST_MS);

    assertThat(trace).contains("Cannot start: endpoint: TLS with MaxCompute at " + LocalTrust.httpsEndpoint(MC.service()))
        .contains("PKIX path building failed")
        .contains("ssl_truststore_location");
  }
}
