package com.aliyun.odps.kafka.connect.tls;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.auth.CredentialsUnavailableException;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK and STS over https to the local MaxCompute, whose certificate is self-signed: trusted
 * through the connector's trust store only, without any JVM-wide setting.
 */
class TrustStoreAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @BeforeAll
  static void createTable() throws Exception {
    SQLTask.run(plainHttpOdps(), "CREATE TABLE IF NOT EXISTS tls_rows(value STRING);").waitForSuccess();
  }

  private static Odps plainHttpOdps() {
    return LocalMaxComputeAccess.client(MC.service());
  }

  /** The endpoint over https, with or without the service's trust store. */
  private static SinkConnectorConfig https(boolean trusted) {
    SinkConnectorConfig config = LocalMaxComputeAccess.config(MC.service(), "tls_rows").httpsEndpoint();
    return trusted ? config.trustStore(MC.service().trustStore().toString(), SelfSignedTls.PASSWORD) : config;
  }

  @Test
  void withTheTrustStoreRestCallsAndTunnelUploadsGoOverHttps() throws Exception {
    try (OdpsClientFactory factory = new OdpsClientFactory(parse(https(true)))) {
      Odps odps = factory.createOdps();
      assertThat(odps.projects().exists("project_name")).isTrue();
      // An error answer (404) is read from the error stream of the same connection type.
      assertThat(odps.tables().exists("no_such_table")).isFalse();

      // No tunnel_endpoint: the SDK discovers it with odps' scheme (https) and clones odps for it.
      TableTunnel tunnel = factory.createTableTunnel(odps);
      TableTunnel.UploadSession session = tunnel.createUploadSession("project_name", "tls_rows");
      assertThat(tunnel.getConfig().getEndpoint("project_name").getScheme()).isEqualTo("https");
      try (RecordWriter writer = session.openRecordWriter(0)) {
        for (String value : List.of("over", "tls")) {
          Record record = session.newRecord();
          record.setString(0, value);
          writer.write(record);
        }
      }
      session.commit(new Long[] {0L});
    }

    List<Record> rows = SQLTask.getResult(SQLTask.run(plainHttpOdps(), "SELECT value FROM tls_rows;"));
    assertThat(rows).extracting(r -> r.getString(0)).contains("over", "tls");
  }

  @Test
  void withoutTheTrustStoreTheHandshakeFailsAtOnceInsteadOfBeingRetried() {
    SinkSettings settings = parse(https(false).set("retry_times", "3"));
    try (OdpsClientFactory factory = new OdpsClientFactory(settings)) {
      Odps odps = factory.createOdps();
      long start = System.nanoTime();

      assertThatThrownBy(() -> odps.projects().exists("project_name"))
          .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
          .satisfies(e -> assertThat(TlsFailures.explain(e, "MaxCompute", TrustStoreFile.NONE)).get().asString()
              .contains("PKIX path building failed").contains("ssl_truststore_location"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void stsOverHttpsTrustsTheStoreToo() throws Exception {
    SinkSettings sts = parse(https(true).stsRole("1234567890123456", "mc-sink"));
    try (OdpsClientFactory factory = new OdpsClientFactory(sts)) {
      assertThat(factory.createOdps().projects().exists("project_name")).isTrue();
    }
  }

  @Test
  void stsWithoutTheTrustStoreGetsNoAnswer() {
    SinkSettings sts = parse(https(false).set("endpoint", MC.service().endpoint())
        .stsRole("1234567890123456", "mc-sink").set("retry_times", "0"));
    try (OdpsClientFactory factory = new OdpsClientFactory(sts)) {
      assertThatThrownBy(factory::createOdps)
          .isInstanceOf(CredentialsUnavailableException.class)
          .hasMessageContaining("TLS failure");
    }
  }
}
