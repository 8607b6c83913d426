package dev.mcsink.localmc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SinkConnectorConfigTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.project("project_sink"));

  @Test
  void pointingAtHoldsTheServiceAndTheDocumentsTaskCountAndWindowOnly() {
    LocalMaxCompute mc = MC.service();

    Map<String, String> config = SinkConnectorConfig.pointingAt(mc).topics("t").table("tt").build();

    assertThat(config).containsOnly(
        entry("connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector"),
        entry("tasks.max", "3"),
        entry("endpoint", mc.endpoint()),
        entry("project", "project_sink"),
        entry("account_type", "ALIYUN"),
        entry("access_id", LocalMaxCompute.DEFAULT_ACCESS_ID),
        entry("access_key", LocalMaxCompute.DEFAULT_ACCESS_KEY),
        entry("partition_window_type", "MINUTE"),
        entry("topics", "t"),
        entry("table", "tt"));
  }

  @Test
  void documentExampleIsTheDocumentsConnectorJsonForTheFormat() {
    LocalMaxCompute mc = MC.service();

    Map<String, String> config = SinkConnectorConfig.documentExample(mc, "CSV").build();

    assertThat(config).containsOnly(
        entry("connector.class", SinkConnectorConfig.CONNECTOR_CLASS),
        entry("tasks.max", "3"),
        entry("topics", "topic_csv"),
        entry("endpoint", mc.endpoint()),
        entry("project", "project_sink"),
        entry("schema", "default"),
        entry("table", "table_csv"),
        entry("account_type", "ALIYUN"),
        entry("access_id", mc.accessId()),
        entry("access_key", mc.accessKey()),
        entry("partition_window_type", "MINUTE"),
        entry("mode", "VALUE"),
        entry("format", "CSV"),
        entry("sink_pool_size", "150"),
        entry("record_batch_size", "9000"),
        entry("buffer_size_kb", "600000"));
  }

  @Test
  void laterSettingsReplaceEarlierOnesAndFalseIsWrittenOut() {
    Map<String, String> config = SinkConnectorConfig.documentExample(MC.service(), "TEXT")
        .tasksMax(1)
        .streaming(false)
        .setAll(Map.of("mode", "DEFAULT", "skip_error", "true"))
        .set("format", "BINARY")
        .build();

    assertThat(config).contains(entry("tasks.max", "1"), entry("use_streaming", "false"), entry("mode", "DEFAULT"),
        entry("skip_error", "true"), entry("format", "BINARY"));
  }

  @Test
  void httpsAndStsPointAtTheServicesOwnEndpoints() {
    LocalMaxCompute mc = MC.service();
    String port = Integer.toString(mc.port());

    Map<String, String> config = SinkConnectorConfig.pointingAt(mc).topics("t").table("t")
        .httpsEndpoint()
        .httpsTunnelEndpoint()
        .trustStore("/trust.p12", "secret")
        .stsRole("1234567890123456", "mc-sink")
        .build();

    assertThat(config).contains(
        entry("endpoint", "https://127.0.0.1:" + port + "/api"),
        entry("tunnel_endpoint", "https://127.0.0.1:" + port),
        entry("ssl_truststore_location", "/trust.p12"),
        entry("ssl_truststore_password", "secret"),
        entry("account_type", "STS"),
        entry("account_id", "1234567890123456"),
        entry("role_name", "mc-sink"),
        entry("sts.endpoint", "127.0.0.1:" + port),
        entry("access_id", mc.accessId()));
  }

  @Test
  void buildWithoutTopicsOrTableIsRefused() {
    assertThatThrownBy(() -> SinkConnectorConfig.pointingAt(MC.service()).table("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("topics is not set");
    assertThatThrownBy(() -> SinkConnectorConfig.pointingAt(MC.service()).topics("t").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("table is not set");
  }

  @Test
  void eachBuildIsANewMap() {
    SinkConnectorConfig builder = SinkConnectorConfig.documentExample(MC.service(), "JSON");
    Map<String, String> first = builder.build();
    first.put("topics", "changed");

    assertThat(builder.build()).containsEntry("topics", "topic_json");
  }
}
