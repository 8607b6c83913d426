package com.aliyun.odps.kafka.connect.it;

import dev.mcsink.localmc.LocalMaxCompute;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector JSON of the product document's examples, copied key for key; only the endpoint
 * and the AccessKey pair point at the local MaxCompute (and the error topic's bootstrap servers at
 * the test broker). Every other value, string or not, is the document's.
 */
final class DocumentConnectorConfigs {
  private DocumentConnectorConfigs() {
  }

  /** "Write TEXT data", step 4. */
  static Map<String, String> text(LocalMaxCompute mc) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", ConnectClusterExtension.CONNECTOR_CLASS);
    c.put("tasks.max", "3");
    c.put("topics", "topic_text");
    c.put("endpoint", mc.endpoint());
    c.put("project", "project_name");
    c.put("schema", "default");
    c.put("table", "table_text");
    c.put("account_type", "ALIYUN");
    c.put("access_id", mc.accessId());
    c.put("access_key", mc.accessKey());
    c.put("partition_window_type", "MINUTE");
    c.put("mode", "VALUE");
    c.put("format", "TEXT");
    c.put("sink_pool_size", "150");
    c.put("record_batch_size", "9000");
    c.put("buffer_size_kb", "600000");
    return c;
  }

  /** "Write CSV data", step 4. */
  static Map<String, String> csv(LocalMaxCompute mc) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", ConnectClusterExtension.CONNECTOR_CLASS);
    c.put("tasks.max", "3");
    c.put("topics", "topic_csv");
    c.put("endpoint", mc.endpoint());
    c.put("project", "project_name");
    c.put("schema", "default");
    c.put("table", "table_csv");
    c.put("account_type", "ALIYUN");
    c.put("access_id", mc.accessId());
    c.put("access_key", mc.accessKey());
    c.put("partition_window_type", "MINUTE");
    c.put("format", "CSV");
    c.put("mode", "VALUE");
    c.put("sink_pool_size", "150");
    c.put("record_batch_size", "9000");
    c.put("buffer_size_kb", "600000");
    return c;
  }

  /** "Write JSON data", step 4. */
  static Map<String, String> json(LocalMaxCompute mc) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", ConnectClusterExtension.CONNECTOR_CLASS);
    c.put("tasks.max", "3");
    c.put("topics", "topic_json");
    c.put("endpoint", mc.endpoint());
    c.put("project", "project_name");
    c.put("schema", "default");
    c.put("table", "table_json");
    c.put("account_type", "ALIYUN");
    c.put("access_id", mc.accessId());
    c.put("access_key", mc.accessKey());
    c.put("partition_window_type", "MINUTE");
    c.put("mode", "VALUE");
    c.put("format", "JSON");
    c.put("sink_pool_size", "150");
    c.put("record_batch_size", "9000");
    c.put("buffer_size_kb", "600000");
    return c;
  }

  /** "Write FLATTEN data", step 4. */
  static Map<String, String> flatten(LocalMaxCompute mc) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", ConnectClusterExtension.CONNECTOR_CLASS);
    c.put("tasks.max", "3");
    c.put("topics", "topic_flatten");
    c.put("endpoint", mc.endpoint());
    c.put("project", "project_name");
    c.put("schema", "default");
    c.put("table", "table_flatten");
    c.put("account_type", "ALIYUN");
    c.put("access_id", mc.accessId());
    c.put("access_key", mc.accessKey());
    c.put("partition_window_type", "MINUTE");
    c.put("mode", "VALUE");
    c.put("format", "FLATTEN");
    c.put("sink_pool_size", "150");
    c.put("record_batch_size", "9000");
    c.put("buffer_size_kb", "600000");
    return c;
  }

  /**
   * "Handle abnormal data", step 4. The document's own names disagree (messages sent to
   * {@code flatten_test}, connector reading {@code topic_abnormal}; table created as
   * {@code table_flatten}, connector writing {@code test_flatten}): here the topic is
   * {@code topic_abnormal} and the table {@code table_flatten} throughout.
   */
  static Map<String, String> runtimeError(LocalMaxCompute mc, String kafkaBootstrapServers) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", ConnectClusterExtension.CONNECTOR_CLASS);
    c.put("tasks.max", "3");
    c.put("topics", "topic_abnormal");
    c.put("endpoint", mc.endpoint());
    c.put("project", "project_name");
    c.put("schema", "default");
    c.put("table", "table_flatten");
    c.put("account_type", "ALIYUN");
    c.put("access_id", mc.accessId());
    c.put("access_key", mc.accessKey());
    c.put("partition_window_type", "MINUTE");
    c.put("mode", "VALUE");
    c.put("format", "FLATTEN");
    c.put("sink_pool_size", "150");
    c.put("record_batch_size", "9000");
    c.put("buffer_size_kb", "600000");
    c.put("runtime.error.topic.name", "runtime_error");
    c.put("runtime.error.topic.bootstrap.servers", asUrls(kafkaBootstrapServers));
    c.put("skip_error", "false");
    return c;
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
