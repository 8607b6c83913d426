package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code validate()} with its real live check, against the local MaxCompute. */
class MaxComputeSinkConnectorValidateTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final MaxComputeSinkConnector connector = new MaxComputeSinkConnector();

  @BeforeAll
  static void createTheDocumentsTextTable() throws Exception {
    Odps odps = LocalMaxComputeAccess.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE IF NOT EXISTS table_text(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);").waitForSuccess();
  }

  /** The product document's TEXT example, pointed at the local service. */
  private static Map<String, String> textExample() {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector");
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

  private static Map<String, List<String>> errors(Config config) {
    return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void theDocumentsTextExampleValidatesCleanly() {
    assertThat(errors(connector.validate(textExample()))).isEmpty();
  }

  @Test
  void aMissingProjectIsAnErrorOnProject() {
    Map<String, String> props = textExample();
    props.put("project", "no_such_project");

    Map<String, List<String>> errors = errors(connector.validate(props));

    assertThat(errors).containsOnlyKeys("project");
    assertThat(errors.get("project")).singleElement().asString().contains("no_such_project").contains("does not exist");
  }

  @Test
  void aMissingTableIsAnErrorOnTable() {
    Map<String, String> props = textExample();
    props.put("table", "no_such_table");

    Map<String, List<String>> errors = errors(connector.validate(props));

    assertThat(errors).containsOnlyKeys("table");
    assertThat(errors.get("table")).singleElement().asString().contains("no_such_table").contains("project_name");
  }

  @Test
  void tablesByTopicAreNotLookedUpByTheTemplateOrFallbackName() {
    // Their tables are known only from the records' topics (after SMTs): the task checks each as it opens it.
    assertThat(errors(connector.validate(with("table", "t_${topic}")))).isEmpty();
    assertThat(errors(connector.validate(with("table", "no_such_table", "topic2table.map", "a:table_text"))))
        .isEmpty();
  }

  @Test
  void aMissingProjectIsStillAnErrorWithTablesByTopic() {
    Map<String, List<String>> errors = errors(connector.validate(with("table", "t_${topic}", "project", "no_such_project")));

    assertThat(errors).containsOnlyKeys("project");
  }

  @Test
  void refusedCredentialsAreAnErrorOnAccessIdWithoutTheKey() {
    Map<String, String> props = textExample();
    props.put("access_key", "wrong-secret-value");

    Map<String, List<String>> errors = errors(connector.validate(props));

    assertThat(errors).containsOnlyKeys("access_id");
    assertThat(errors.get("access_id")).singleElement().asString()
        .contains(MC.service().accessId()).doesNotContain("wrong-secret-value");
  }

  @Test
  void anUnreachableServiceIsAnErrorOnEndpointWithTheReason() {
    Map<String, String> props = textExample();
    props.put("endpoint", "http://127.0.0.1:1/api");

    Map<String, List<String>> errors = errors(connector.validate(props));

    assertThat(errors).containsOnlyKeys("endpoint");
    assertThat(errors.get("endpoint")).singleElement().asString()
        .contains("127.0.0.1:1").containsIgnoringCase("refused").doesNotContain(MC.service().accessKey());
  }

  @Test
  void anUnknownAccessIdIsAnErrorOnAccessId() {
    Map<String, List<String>> errors = errors(connector.validate(with("access_id", "nobody")));

    assertThat(errors).containsOnlyKeys("access_id");
    assertThat(errors.get("access_id")).singleElement().asString().contains("'nobody'", "HTTP 403");
  }

  @Test
  void anUnknownHostIsAnErrorOnEndpointAtOnce() {
    long start = System.nanoTime();

    Map<String, List<String>> errors = errors(connector.validate(with("endpoint", "http://no-such-host.invalid/api")));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(errors).containsOnlyKeys("endpoint");
    assertThat(errors.get("endpoint")).singleElement().asString().contains("cannot reach", "UnknownHostException");
  }

  @Test
  void anHttpsEndpointWithAnUntrustedCertificateIsAnErrorOnEndpointNamingTheTrustStoreKey() {
    String https = LocalTrust.httpsEndpoint(MC.service());

    Map<String, List<String>> errors = errors(connector.validate(with("endpoint", https)));

    assertThat(errors).containsOnlyKeys("endpoint");
    assertThat(errors.get("endpoint")).singleElement().asString()
        .contains("TLS with MaxCompute at " + https, "PKIX path building failed", "ssl_truststore_location");
  }

  @Test
  void anHttpsEndpointValidatesWithTheTrustStore() {
    Map<String, String> props = with("endpoint", LocalTrust.httpsEndpoint(MC.service()),
        "ssl_truststore_location", MC.service().trustStore().toString(),
        "ssl_truststore_password", SelfSignedTls.PASSWORD);

    assertThat(errors(connector.validate(props))).isEmpty();
  }

  private static Map<String, String> with(String... keyValues) {
    Map<String, String> props = textExample();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  @Test
  void noServiceCallWhileAnotherKeyIsWrong() {
    Map<String, String> props = textExample();
    props.put("project", "no_such_project");
    props.put("format", "CSV");
    props.put("mode", "DEFAULT");

    assertThat(errors(connector.validate(props))).as("the mode error only").containsOnlyKeys("mode");
  }
}
