package com.aliyun.odps.kafka.connect.auth;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OdpsClientFactoryTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static SinkConnectorConfig local() {
    return LocalMaxComputeAccess.config(MC.service(), "t");
  }

  @Test
  void anAccessKeyClientReachesTheConfiguredProject() throws Exception {
    Odps odps = new OdpsClientFactory(parse(local().set("retry_times", "5"))).createOdps();

    assertThat(odps.getDefaultProject()).isEqualTo("project_name");
    assertThat(odps.getEndpoint()).isEqualTo(MC.service().endpoint());
    assertThat(odps.getRestClient().getRetryTimes()).isEqualTo(5);
    assertThat(odps.projects().exists("project_name")).isTrue();
  }

  @Test
  void anAccessKeyClientHasNoCredentialsToRefresh() {
    try (OdpsClientFactory factory = new OdpsClientFactory(parse(local()))) {
      factory.createOdps();

      assertThat(factory.credentialRefreshes()).isZero();
      assertThat(factory.credentialRefreshFailures()).isZero();
    }
  }

  @Test
  void theValidationClientDoesNotRetry() {
    Odps odps = new OdpsClientFactory(parse(local().set("retry_times", "5"))).createOdpsForValidation();

    assertThat(odps.getRestClient().getRetryTimes()).isZero();
    assertThat(odps.getRestClient().getConnectTimeout()).isLessThanOrEqualTo(10);
  }

  @Test
  void aSchemaBecomesTheCurrentSchemaAndNoSchemaLeavesItUnset() {
    assertThat(new OdpsClientFactory(parse(local().set("schema", "sales"))).createOdps().getCurrentSchema())
        .isEqualTo("sales");
    assertThat(new OdpsClientFactory(parse(local().set("schema", ""))).createOdps().getCurrentSchema()).isNull();
  }

  @Test
  void aConfiguredTunnelEndpointIsUsedAsIs() throws Exception {
    SinkSettings settings = parse(local().set("tunnel_endpoint", "http://tunnel.example.invalid"));
    OdpsClientFactory factory = new OdpsClientFactory(settings);

    TableTunnel tunnel = factory.createTableTunnel(factory.createOdps());

    assertThat(tunnel.getConfig().getEndpoint("project_name")).isEqualTo(URI.create("http://tunnel.example.invalid"));
  }

  @Test
  void withoutATunnelEndpointTheTunnelIsDiscoveredAndUploads() throws Exception {
    OdpsClientFactory factory = new OdpsClientFactory(parse(local()));
    Odps odps = factory.createOdps();
    SQLTask.run(odps, "CREATE TABLE IF NOT EXISTS factory_upload (id BIGINT) PARTITIONED BY (pt STRING);")
        .waitForSuccess();
    SQLTask.run(odps, "ALTER TABLE factory_upload ADD IF NOT EXISTS PARTITION (pt='p');").waitForSuccess();

    TableTunnel tunnel = factory.createTableTunnel(odps);
    TableTunnel.UploadSession upload =
        tunnel.createUploadSession("project_name", "factory_upload", new PartitionSpec("pt='p'"));
    try (RecordWriter writer = upload.openRecordWriter(0)) {
      Record record = upload.newRecord();
      record.setBigint("id", 1L);
      writer.write(record);
    }
    upload.commit(new Long[] {0L});

    assertThat(tunnel.getConfig().getEndpoint("project_name").toString()).startsWith(MC.service().tunnelEndpoint());
    assertThat(odps.tables().get("factory_upload").getPartition(new PartitionSpec("pt='p'")).getRecordNum())
        .isEqualTo(1L);
  }
}
