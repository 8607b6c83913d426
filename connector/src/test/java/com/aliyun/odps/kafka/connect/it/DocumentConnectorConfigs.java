package com.aliyun.odps.kafka.connect.it;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;

/**
 * The product document's example that {@link SinkConnectorConfig#documentExample} does not cover,
 * copied key for key; only the endpoint and the AccessKey pair point at the local MaxCompute (and
 * the error topic's bootstrap servers at the test broker).
 */
final class DocumentConnectorConfigs {
  private DocumentConnectorConfigs() {
  }

  /**
   * "Handle abnormal data", step 4. The document's own names disagree (messages sent to
   * {@code flatten_test}, connector reading {@code topic_abnormal}; table created as
   * {@code table_flatten}, connector writing {@code test_flatten}): here the topic is
   * {@code topic_abnormal} and the table {@code table_flatten} throughout.
   */
  static SinkConnectorConfig runtimeError(LocalMaxCompute mc, String kafkaBootstrapServers) {
    return SinkConnectorConfig.documentExample(mc, "FLATTEN")
        .topics("topic_abnormal")
        .set("runtime.error.topic.name", "runtime_error")
        .set("runtime.error.topic.bootstrap.servers", asUrls(kafkaBootstrapServers))
        .set("skip_error", "false");
  }

  /** The document writes the error topic's servers as {@code http://XXXX}; so do we. */
  static String asUrls(String bootstrapServers) {
    StringBuilder out = new StringBuilder();
    for (String address : bootstrapServers.split(",")) {
      // EmbeddedKafkaCluster may name the listener (PLAINTEXT://host:port).
      String hostPort = address.trim().replaceFirst("^[A-Za-z_]+://", "");
      out.append(out.length() > 0 ? "," : "").append("http://").append(hostPort);
    }
    return out.toString();
  }
}
