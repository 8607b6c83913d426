package com.aliyun.odps.kafka.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets with values found nowhere else (the AccessKey secret, wrong keys, the trust store's
 * password, the error topic's JAAS password) go through connectors that work, connectors whose key
 * stops working, and the STS path with a wrong caller key; then every log line this JVM wrote,
 * Connect's REST answers and the tasks' failure traces are searched for them.
 *
 * <p>Connect echoes a connector's configuration as submitted ({@code GET /connectors/{name}}) and
 * stores the task configurations the connector returns ({@code GET /connectors/{name}/tasks}):
 * a secret submitted in clear is shown there by Connect, so the remedy is a ConfigProvider, whose
 * placeholders Connect shows instead. This connector returns the submitted keys unchanged, so the
 * placeholders survive into the task configurations.
 */
class SecretsIT extends IntegrationTestBase {
  private static final String ACCESS_ID = "secrets-it-id";
  private static final String ACCESS_KEY = "ak-secret-4f1e7c02";
  private static final String WRONG_KEY = "ak-wrong-b9d3a6e1";
  private static final String WRONG_STS_KEY = "sts-caller-wrong-e5c2187a";
  private static final String TRUSTSTORE_PASSWORD = "ts-secret-2c8e51f7";
  private static final String JAAS_PASSWORD = "jaas-secret-7a90d4b3";
  private static final List<String> SECRETS = List.of(ACCESS_KEY, WRONG_KEY, WRONG_STS_KEY, TRUSTSTORE_PASSWORD,
      JAAS_PASSWORD);
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
      + " username=\"sink\" password=\"" + JAAS_PASSWORD + "\";";

  private static final String TABLE = "table_secrets";
  private static final String GOOD_1 = "{\"id\":1,\"name\":\"one\"}";
  private static final String BAD = "{\"id\":2,\"name\":\"two\",\"nickname\":\"no such column\"}";
  private static final String GOOD_3 = "{\"id\":3,\"name\":\"three\"}";
  private static final long TIMEOUT_MS = 60_000;
  /** A task whose key stopped working must be FAILED this soon after its restart. */
  private static final long FAIL_FAST_MS = 30_000;

  @TempDir
  static Path dir;
  private ProviderFile secrets;
  private Path trustStore;
  private CapturedLogs logs;

  SecretsIT() {
    super(new Setup().maxCompute(b -> b.account(ACCESS_ID, ACCESS_KEY)).workerProps(ProviderFile.WORKER_PROPS));
  }

  @BeforeAll
  void setUp() throws Exception {
    logs = CapturedLogs.start();
    sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + "(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT, name STRING) PARTITIONED BY (pt STRING);");
    trustStore = LocalTrust.copy(mc.trustStore(), dir.resolve("trust.p12"), "PKCS12", TRUSTSTORE_PASSWORD);
    secrets = new ProviderFile(dir.resolve("secrets.properties"))
        .put("access_key", ACCESS_KEY)
        .put("truststore_password", TRUSTSTORE_PASSWORD)
        .put("jaas", JAAS);
  }

  @AfterAll
  void stopCapture() {
    if (logs != null) {
      logs.close();
    }
  }

  /**
   * The document's error-routing example over https, one task: FLATTEN into {@link #TABLE}, bad
   * records to an error topic whose producer is given a JAAS login. The producer speaks PLAINTEXT
   * to the test broker, which ignores the login; the secret still goes through the connector's
   * configuration and the producer's.
   */
  private SinkConnectorConfig config(String topic, Map<String, String> secretValues) {
    return DocumentConnectorConfigs.runtimeError(mc, connect.kafka().bootstrapServers())
        .tasksMax(1)
        .topics(topic)
        .table(TABLE)
        .httpsEndpoint()
        .set("ssl_truststore_location", trustStore.toString())
        .set("runtime.error.topic.name", topic + "_errors")
        .set("runtime.error.topic.security.protocol", "PLAINTEXT")
        .set("runtime.error.topic.sasl.mechanism", "PLAIN")
        .setAll(secretValues);
  }

  private static Map<String, String> plainSecrets() {
    return Map.of("access_key", ACCESS_KEY, "ssl_truststore_password", TRUSTSTORE_PASSWORD,
        "runtime.error.topic.sasl.jaas.config", JAAS);
  }

  private Map<String, String> secretsThroughTheProvider(String accessKeyEntry) {
    return Map.of("access_key", secrets.ref(accessKeyEntry),
        "ssl_truststore_password", secrets.ref("truststore_password"),
        "runtime.error.topic.sasl.jaas.config", secrets.ref("jaas"));
  }

  /** Creates the topics, the three records (the second one bad) and the connector; waits for the two good rows. */
  private void runToCompletion(String connector, String topic, Map<String, String> config) throws Exception {
    connect.kafka().createTopic(topic, 1);
    connect.kafka().createTopic(topic + "_errors", 1);
    connect.kafka().produce(topic, "1", GOOD_1);
    connect.kafka().produce(topic, "2", BAD);
    connect.kafka().produce(topic, "3", GOOD_3);
    connect.configureConnector(connector, config);

    List<Map<String, String>> rows = sql.awaitRowsFromTopic(TABLE, topic, 2, TIMEOUT_MS,
        () -> ConnectorStatus.describe(connect, connector));
    assertThat(rows).extracting(r -> r.get("name")).containsExactly("one", "three");
    assertThat(connect.kafka().consume(1, TIMEOUT_MS, topic + "_errors").count()).isEqualTo(1);
    // The configuration dumps of the connector and of the error topic's producer were caught, masked.
    assertThat(logs.text()).contains("ssl_truststore_password = [hidden]", "sasl.jaas.config = [hidden]");
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : SECRETS) {
      int at = text.indexOf(secret);
      String context = at < 0 ? "" : text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
      assertThat(at).as("%s holds a secret, here: ...%s...", where, context).isNegative();
    }
  }

  private void assertNoSecretInLogsOrStatus(String connector) {
    assertNoSecretIn("GET /connectors/" + connector + "/status", ConnectRest.get(connect, "connectors/" + connector
        + "/status"));
    assertNoSecretIn("the logs", logs.text());
  }

  @Test
  void withAConfigProviderRestShowsOnlyPlaceholdersAndRowsStillLand() throws Exception {
    String connector = "secrets-provider";
    Map<String, String> config = config("topic_secrets_provider", secretsThroughTheProvider("access_key")).build();

    runToCompletion(connector, "topic_secrets_provider", config);

    String connectorConfig = ConnectRest.get(connect, "connectors/" + connector);
    String taskConfigs = ConnectRest.get(connect, "connectors/" + connector + "/tasks");
    assertThat(taskConfigs).contains(secrets.ref("access_key"), secrets.ref("truststore_password"),
        secrets.ref("jaas"));
    assertNoSecretIn("GET /connectors/" + connector, connectorConfig);
    assertNoSecretIn("GET /connectors/" + connector + "/tasks", taskConfigs);
    assertNoSecretInLogsOrStatus(connector);
  }

  @Test
  void secretsGivenInClearStayOutOfLogsAndStatusAndTaskConfigsAreTheSubmittedOnes() throws Exception {
    String connector = "secrets-plain";
    Map<String, String> config = config("topic_secrets_plain", plainSecrets()).build();

    runToCompletion(connector, "topic_secrets_plain", config);

    // The connector adds or derives nothing: what Connect stores for the tasks is what was submitted.
    Map<String, String> expected = new HashMap<>(config);
    expected.put("task.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkTask");
    expected.put("name", connector);
    expected.put(MaxComputeSinkConfig.TASK_INDEX, "0");
    assertThat(connect.taskConfigs(connector)).singleElement()
        .satisfies(task -> assertThat(task.config()).isEqualTo(expected));
    assertNoSecretInLogsOrStatus(connector);
  }

  @Test
  void aKeyThatStopsWorkingFailsTheTaskFastWithTheKeyToChangeAndWithoutTheSecret() throws Exception {
    String connector = "secrets-rotated";
    secrets.put("rotated_key", ACCESS_KEY);
    connect.kafka().createTopic("topic_secrets_rotated", 1);
    connect.configureConnector(connector,
        config("topic_secrets_rotated", secretsThroughTheProvider("rotated_key")).build());
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "the connector did not start");

    secrets.put("rotated_key", WRONG_KEY);
    connect.restartTask(connector, 0);
    String trace = ConnectorStatus.awaitFailedTask(connect, connector, FAIL_FAST_MS);

    assertThat(trace).contains("access_id: MaxCompute refused access for access_id '" + ACCESS_ID + "' (HTTP 403)");
    assertNoSecretIn("the task's trace", trace);
    assertNoSecretIn("GET /connectors/" + connector + "/tasks", ConnectRest.get(connect, "connectors/" + connector
        + "/tasks"));
    assertNoSecretInLogsOrStatus(connector);
  }

  @Test
  void aWrongKeyGivenInClearIsRefusedAtCreationWithoutBeingShown() {
    Map<String, String> config = config("topic_secrets_wrong", plainSecrets()).set("access_key", WRONG_KEY).build();

    assertThatThrownBy(() -> connect.configureConnector("secrets-wrong", config))
        .hasMessageContaining("access_id")
        .hasMessageContaining("refused")
        .satisfies(e -> assertNoSecretIn("the REST error", e.getMessage()));
    assertNoSecretIn("the logs", logs.text());
  }

  @Test
  void stsWithAWrongCallerKeyIsRefusedAtCreationAndFailsARunningTaskWithoutShowingIt() throws Exception {
    String connector = "secrets-sts";
    secrets.put("sts_caller_key", ACCESS_KEY);
    Map<String, String> config = config("topic_secrets_sts", secretsThroughTheProvider("sts_caller_key"))
        .stsRole("1234567890123456", "mc-sink")
        .build();
    connect.kafka().createTopic("topic_secrets_sts", 1);
    connect.configureConnector(connector, config);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, 1, "the STS connector did not start");

    secrets.put("sts_caller_key", WRONG_STS_KEY);
    connect.restartTask(connector, 0);
    String trace = ConnectorStatus.awaitFailedTask(connect, connector, FAIL_FAST_MS);

    assertThat(trace).contains("AssumeRole of acs:ram::1234567890123456:role/mc-sink", "SignatureDoesNotMatch",
        "access_id '" + ACCESS_ID + "'");
    assertNoSecretIn("the STS task's trace", trace);

    Map<String, String> inClear = new HashMap<>(config);
    inClear.put("access_key", WRONG_STS_KEY);
    inClear.put("ssl_truststore_password", TRUSTSTORE_PASSWORD);
    assertThatThrownBy(() -> connect.configureConnector("secrets-sts-clear", inClear))
        .hasMessageContaining("SignatureDoesNotMatch")
        .satisfies(e -> assertNoSecretIn("the REST error", e.getMessage()));
    assertNoSecretInLogsOrStatus(connector);
  }
}
