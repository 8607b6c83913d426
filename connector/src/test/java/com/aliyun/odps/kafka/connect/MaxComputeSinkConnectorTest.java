package com.aliyun.odps.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

/** The connector without a service: the live check is a recording fake. */
class MaxComputeSinkConnectorTest {
  private final List<SinkSettings> liveChecks = new ArrayList<>();
  private final MaxComputeSinkConnector connector = new MaxComputeSinkConnector(settings -> {
    liveChecks.add(settings);
    return List.of();
  });

  private static Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", MaxComputeSinkConnector.class.getName());
    props.put("topics", "topic_text");
    props.put("endpoint", "http://127.0.0.1:1/api");
    props.put("project", "project_name");
    props.put("table", "table_text");
    props.put("access_id", "my-access-id");
    props.put("access_key", "my-access-key");
    props.put("mode", "VALUE");
    return props;
  }

  private static Map<String, String> valid(String... keyValues) {
    Map<String, String> props = valid();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  /** Error messages by key, only keys that have some. */
  private static Map<String, List<String>> errors(Config config) {
    return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void aValidConfigHasNoErrorsAndIsCheckedAgainstTheService() {
    Config config = connector.validate(valid());

    assertThat(errors(config)).isEmpty();
    assertThat(liveChecks).singleElement().satisfies(s -> assertThat(s.table()).isEqualTo("table_text"));
  }

  @Test
  void defaultModeWithCsvIsAnErrorOnMode() {
    Config config = connector.validate(valid("format", "csv", "mode", "default"));

    assertThat(errors(config)).containsOnlyKeys("mode");
    assertThat(errors(config).get("mode")).singleElement().asString().contains("TEXT or BINARY").contains("CSV");
    assertThat(liveChecks).as("no live check while the config is wrong").isEmpty();
  }

  @Test
  void defaultModeWithBinaryIsFine() {
    assertThat(errors(connector.validate(valid("format", "binary", "mode", "DEFAULT")))).isEmpty();
  }

  @Test
  void stsWithoutAccountIdAndRoleNameIsAnErrorOnEach() {
    Config config = connector.validate(valid("account_type", "sts"));

    assertThat(errors(config)).containsOnlyKeys("account_id", "role_name");
    assertThat(errors(config).get("role_name")).singleElement().asString().contains("STS");
  }

  @Test
  void stsWithAccountIdAndRoleNameIsFine() {
    assertThat(errors(connector.validate(valid("account_type", "STS", "account_id", "123", "role_name", "w"))))
        .isEmpty();
  }

  @Test
  void aliyunWithoutAccessKeyIsAnErrorOnAccessKey() {
    Map<String, String> props = valid();
    props.remove("access_key");

    assertThat(errors(connector.validate(props))).containsOnlyKeys("access_key");
  }

  @Test
  void stsWithoutAccessIdIsAnErrorOnAccessId() {
    Map<String, String> props = valid("account_type", "STS", "account_id", "123", "role_name", "w");
    props.put("access_id", "");

    assertThat(errors(connector.validate(props))).containsOnlyKeys("access_id");
  }

  @Test
  void theDefaultChainNeedsNoAccessKeyPair() {
    Map<String, String> props = valid("account_type", "ecs");
    props.remove("access_id");
    props.remove("access_key");

    assertThat(errors(connector.validate(props))).isEmpty();
  }

  @Test
  void anErrorTopicNameWithoutServersIsAnErrorOnServers() {
    Config config = connector.validate(valid("runtime.error.topic.name", "runtime_error"));

    assertThat(errors(config)).containsOnlyKeys("runtime.error.topic.bootstrap.servers");
  }

  @Test
  void errorTopicServersWithoutANameIsAnErrorOnName() {
    Config config = connector.validate(valid("runtime.error.topic.bootstrap.servers", "localhost:9092"));

    assertThat(errors(config)).containsOnlyKeys("runtime.error.topic.name");
  }

  @Test
  void anInvalidValueIsReportedOnceOnItsOwnKey() {
    // A bad format is its own error; the mode rule, which needs the format, stays quiet.
    Config config = connector.validate(valid("format", "xml", "mode", "DEFAULT"));

    assertThat(errors(config)).containsOnlyKeys("format");
  }

  @Test
  void aMissingRequiredKeyIsAnErrorOnThatKey() {
    Map<String, String> props = valid();
    props.remove("table");

    assertThat(errors(connector.validate(props))).containsOnlyKeys("table");
    assertThat(liveChecks).isEmpty();
  }

  @Test
  void liveProblemsLandOnTheirKeys() {
    MaxComputeSinkConnector failing = new MaxComputeSinkConnector(
        settings -> List.of(new ConfigProblem("table", "table 'table_text' does not exist")));

    Map<String, List<String>> errors = errors(failing.validate(valid()));

    assertThat(errors).containsOnlyKeys("table");
    assertThat(errors.get("table")).containsExactly("table 'table_text' does not exist");
  }

  @Test
  void enumKeysRecommendTheirValues() {
    Config config = connector.validate(valid());

    ConfigValue format = config.configValues().stream().filter(v -> v.name().equals("format")).findFirst().orElseThrow();
    assertThat(format.recommendedValues()).containsExactly("TEXT", "CSV", "JSON", "FLATTEN", "BINARY");
  }

  @Test
  void stsKeysAreVisibleOnlyForSts() {
    ConfigValue aliyunRole = value(connector.validate(valid()), "role_name");
    ConfigValue stsRole = value(connector.validate(valid("account_type", "sts", "account_id", "1", "role_name", "r")),
        "role_name");

    assertThat(aliyunRole.visible()).isFalse();
    assertThat(stsRole.visible()).isTrue();
  }

  private static ConfigValue value(Config config, String name) {
    return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void startFailsFastOnABadConfig() {
    assertThatThrownBy(() -> connector.start(valid("buffer_size_kb", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("buffer_size_kb");
    assertThatThrownBy(() -> connector.start(valid("format", "JSON", "mode", "DEFAULT")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("mode");
  }

  @Test
  void everyTaskGetsTheConnectorsConfig() {
    Map<String, String> props = valid("runtime.error.topic.security.protocol", "SASL_SSL");
    connector.start(props);

    List<Map<String, String>> configs = connector.taskConfigs(3);

    assertThat(configs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Map<String, String> expected = new HashMap<>(props);
      expected.put(MaxComputeSinkConfig.TASK_INDEX, String.valueOf(i));
      assertThat(configs.get(i)).as("task %d: the connector's config and its index", i).isEqualTo(expected);
      assertThat(new MaxComputeSinkConfig(configs.get(i)).settings().taskIndex()).isEqualTo(i);
    }
    configs.get(0).put("table", "changed");
    assertThat(configs.get(1)).as("independent copies").containsEntry("table", "table_text");
  }

  @Test
  void identifiesItsTaskVersionAndDefinition() {
    assertThat(connector.taskClass()).isEqualTo(MaxComputeSinkTask.class);
    assertThat(connector.version()).isNotBlank();
    assertThat(connector.config().names()).contains("endpoint", "access_key", "csv.delimiter");
  }

  @Test
  void isRegisteredForServiceLoading() {
    List<String> found = ServiceLoader.load(SinkConnector.class).stream()
        .map(p -> p.type().getName()).collect(Collectors.toList());

    assertThat(found).contains("com.aliyun.odps.kafka.connect.MaxComputeSinkConnector");
  }
}
