package com.aliyun.odps.kafka.connect.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aliyun.odps.Odps;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.MaxComputeSinkConnector;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code validate()} with account_type STS: the live check assumes the role first, over https to
 * the local STS, whose certificate the connector trusts through ssl_truststore_location.
 */
class StsValidationTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @BeforeAll
  static void setUp() throws Exception {
    Odps odps = LocalMaxComputeAccess.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE IF NOT EXISTS sts_text(topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " key STRING, value STRING) PARTITIONED BY (pt STRING);").waitForSuccess();
  }

  private static Map<String, String> stsConfig() {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector");
    props.put("topics", "t");
    props.put("endpoint", MC.service().endpoint());
    props.put("project", "project_name");
    props.put("table", "sts_text");
    props.put("account_type", "STS");
    props.put("access_id", MC.service().accessId());
    props.put("access_key", MC.service().accessKey());
    props.put("account_id", "1234567890123456");
    props.put("region_id", "cn-shanghai");
    props.put("role_name", "mc-sink");
    props.put("sts.endpoint", MC.service().stsEndpoint());
    props.put("format", "TEXT");
    props.put("ssl_truststore_location", MC.service().trustStore().toString());
    props.put("ssl_truststore_password", SelfSignedTls.PASSWORD);
    return props;
  }

  private static Map<String, List<String>> errors(Config config) {
    return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void anStsConfigurationThatCanAssumeTheRoleValidatesCleanly() {
    assertThat(errors(new MaxComputeSinkConnector().validate(stsConfig()))).isEmpty();
  }

  @Test
  void aWrongCallerKeyIsAnErrorOnAccessIdWithTheReasonAndWithoutTheKey() {
    Map<String, String> props = stsConfig();
    props.put("access_key", "not-the-secret-123");

    Map<String, List<String>> errors = errors(new MaxComputeSinkConnector().validate(props));

    assertThat(errors).containsOnlyKeys("access_id");
    assertThat(errors.get("access_id")).singleElement().asString()
        .contains("AssumeRole", "SignatureDoesNotMatch", "acs:ram::1234567890123456:role/mc-sink")
        .doesNotContain("not-the-secret-123");
  }

  @Test
  void aRoleThatCannotBeAssumedIsAnErrorOnRoleName() {
    Map<String, String> props = stsConfig();
    props.put("role_name", "bad role");

    Map<String, List<String>> errors = errors(new MaxComputeSinkConnector().validate(props));

    assertThat(errors).containsOnlyKeys("role_name");
    assertThat(errors.get("role_name")).singleElement().asString().contains("InvalidParameter.RoleArn");
  }

  @Test
  void anUnreachableStsEndpointIsAnErrorOnStsEndpoint() {
    Map<String, String> props = stsConfig();
    props.put("sts.endpoint", "127.0.0.1:1");

    Map<String, List<String>> errors = errors(new MaxComputeSinkConnector().validate(props));

    assertThat(errors).containsOnlyKeys("sts.endpoint");
    assertThat(errors.get("sts.endpoint")).singleElement().asString().contains("no answer from STS");
  }

  @Test
  void withoutTheTrustStoreStsIsNotTrustedAndTheErrorIsOnStsEndpoint() {
    Map<String, String> props = stsConfig();
    props.remove("ssl_truststore_location");
    props.remove("ssl_truststore_password");

    Map<String, List<String>> errors = errors(new MaxComputeSinkConnector().validate(props));

    assertThat(errors).containsOnlyKeys("sts.endpoint");
    assertThat(errors.get("sts.endpoint")).singleElement().asString().contains("TLS failure");
  }

  @Test
  void theDefaultChainWithNothingToFindIsAnErrorOnAccountType() {
    assumeTrue(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") == null
        && !Files.exists(Path.of(System.getProperty("user.home"), ".aliyun", "config.json"))
        && !Files.exists(Path.of(System.getProperty("user.home"), ".alibabacloud", "credentials")),
        "this machine has Alibaba Cloud credentials for the default chain to find");
    Map<String, String> props = stsConfig();
    props.put("account_type", "ECS_RAM_ROLE");

    Map<String, List<String>> errors = errors(new MaxComputeSinkConnector().validate(props));

    assertThat(errors).containsOnlyKeys("account_type");
    assertThat(errors.get("account_type")).singleElement().asString().contains("default credential chain");
  }
}
