package com.aliyun.odps.kafka.connect.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.tls.LocalTrust;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate()} opens the trust store before the live check, reporting on the key to change. */
class TrustStoreValidationTest {
  private static final String PASSWORD = "validation-pw-19c4";

  @TempDir
  static Path dir;
  private static Path trustStore;
  private final List<SinkSettings> liveChecks = new ArrayList<>();
  private final LiveValidation validation = new LiveValidation(settings -> {
    liveChecks.add(settings);
    return List.of();
  });

  @BeforeAll
  static void makeTrustStore() throws Exception {
    Path certificate = SelfSignedTls.createIn(dir.resolve("tls")).trustStore();
    trustStore = LocalTrust.copy(certificate, dir.resolve("trust.p12"), "PKCS12", PASSWORD);
  }

  private static Map<String, String> props(String location, String password) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint", "https://127.0.0.1:1/api");
    props.put("project", "project_name");
    props.put("table", "table_text");
    props.put("access_id", "my-access-id");
    props.put("access_key", "my-access-key");
    props.put("ssl_truststore_location", location);
    props.put("ssl_truststore_password", password);
    return props;
  }

  private Map<String, List<String>> errors(Map<String, String> props) {
    Config config = validation.complete(props, new Config(MaxComputeSinkConfig.CONFIG_DEF.validate(props)));
    return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void aUsableTrustStoreReachesTheLiveCheck() {
    assertThat(errors(props(trustStore.toString(), PASSWORD))).isEmpty();

    assertThat(liveChecks).singleElement()
        .satisfies(s -> assertThat(s.trustStore().location()).isEqualTo(trustStore.toString()));
  }

  @Test
  void aMissingTrustStoreIsAnErrorOnItsLocationAndNothingIsCalled() {
    Map<String, List<String>> errors = errors(props(dir.resolve("gone.p12").toString(), PASSWORD));

    assertThat(errors).containsOnlyKeys("ssl_truststore_location");
    assertThat(errors.get("ssl_truststore_location")).singleElement().asString().contains("gone.p12", "no such file");
    assertThat(liveChecks).isEmpty();
  }

  @Test
  void aWrongPasswordIsAnErrorOnThePasswordThatDoesNotShowIt() {
    Map<String, List<String>> errors = errors(props(trustStore.toString(), "not-the-pw-77"));

    assertThat(errors).containsOnlyKeys("ssl_truststore_password");
    assertThat(errors.get("ssl_truststore_password")).singleElement().asString()
        .contains("wrong password").doesNotContain("not-the-pw-77").doesNotContain(PASSWORD);
    assertThat(liveChecks).isEmpty();
  }
}
