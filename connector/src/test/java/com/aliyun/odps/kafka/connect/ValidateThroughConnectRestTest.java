package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.task.SQLTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /connector-plugins/MaxComputeSinkConnector/config/validate} on a real Connect worker:
 * what a user sees before a task starts.
 */
class ValidateThroughConnectRestTest {
  private static final String SECRET = "super-secret-access-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void startConnect() throws Exception {
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("plugin.discovery", "service_load");
    connect = new EmbeddedConnectCluster.Builder().name("validate-rest").numWorkers(1).numBrokers(1)
        .workerProps(workerProps).build();
    connect.start();

    Odps odps = LocalMaxComputeAccess.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE IF NOT EXISTS table_text(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);").waitForSuccess();
  }

  @AfterAll
  static void stopConnect() {
    if (connect != null) {
      connect.stop();
    }
  }

  private static Map<String, String> textExample() {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector");
    props.put("name", "odps-test-text");
    props.put("tasks.max", "3");
    props.put("topics", "topic_text");
    props.put("endpoint", MC.service().endpoint());
    props.put("project", "project_name");
    props.put("schema", "default");
    props.put("table", "table_text");
    props.put("account_type", "ALIYUN");
    props.put("access_id", MC.service().accessId());
    props.put("access_key", MC.service().accessKey());
    props.put("partition_window_type", "MINUTE");
    props.put("mode", "VALUE");
    props.put("format", "TEXT");
    props.put("sink_pool_size", "150");
    props.put("record_batch_size", "9000");
    props.put("buffer_size_kb", "600000");
    return props;
  }

  private static String validate(Map<String, String> props) throws Exception {
    String url = connect.endpointForResource("connector-plugins/MaxComputeSinkConnector/config/validate");
    Response response = connect.requestPut(url, JSON.writeValueAsString(props));
    assertThat(response.getStatus()).isEqualTo(200);
    return String.valueOf(response.getEntity());
  }

  private static JsonNode valueOf(JsonNode body, String key) {
    for (JsonNode config : body.get("configs")) {
      if (key.equals(config.get("value").get("name").asText())) {
        return config.get("value");
      }
    }
    throw new AssertionError("no config " + key + " in " + body);
  }

  @Test
  void aCrossFieldErrorLandsOnItsKeyAndTheAccessKeyIsMasked() throws Exception {
    Map<String, String> props = textExample();
    props.put("format", "CSV");
    props.put("mode", "DEFAULT");
    props.put("access_key", SECRET);

    String raw = validate(props);
    JsonNode body = JSON.readTree(raw);

    assertThat(body.get("error_count").asInt()).isEqualTo(1);
    assertThat(valueOf(body, "mode").get("errors")).singleElement()
        .satisfies(e -> assertThat(e.asText()).contains("TEXT or BINARY"));
    assertThat(valueOf(body, "format").get("errors")).isEmpty();
    assertThat(valueOf(body, "access_key").get("value").asText()).isEqualTo("[hidden]");
    assertThat(raw).doesNotContain(SECRET);
  }

  @Test
  void theDocumentsTextExampleValidatesAgainstTheService() throws Exception {
    JsonNode body = JSON.readTree(validate(textExample()));

    assertThat(body.get("error_count").asInt()).as(body.toString()).isZero();
  }

  @Test
  void aMissingTableIsReportedOnTableThroughRest() throws Exception {
    Map<String, String> props = textExample();
    props.put("table", "no_such_table");

    JsonNode body = JSON.readTree(validate(props));

    assertThat(body.get("error_count").asInt()).isEqualTo(1);
    assertThat(valueOf(body, "table").get("errors")).singleElement()
        .satisfies(e -> assertThat(e.asText()).contains("no_such_table"));
  }
}
