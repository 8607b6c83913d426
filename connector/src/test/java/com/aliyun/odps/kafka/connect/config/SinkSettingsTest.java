package com.aliyun.odps.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The settings as the connector and each task log them when they start. */
class SinkSettingsTest {
  private static final String ACCESS_KEY = "access-key-5d1e";
  private static final String STORE_PASSWORD = "store-pw-8b02";
  private static final String JAAS_PASSWORD = "jaas-pw-41c7";
  private static final String KEY_PASSWORD = "key-pw-0e93";

  /** Every secret set, through the ConfigDef as the connector parses them. */
  private static SinkSettings withEverySecret() {
    Map<String, String> props = MaxComputeSinkConfigTest.minimal();
    props.put("access_key", ACCESS_KEY);
    props.put("ssl_truststore_location", "/etc/mc/trust.p12");
    props.put("ssl_truststore_password", STORE_PASSWORD);
    props.put("runtime.error.topic.name", "errors");
    props.put("runtime.error.topic.bootstrap.servers", "broker:9093");
    props.put("runtime.error.topic.security.protocol", "SASL_SSL");
    props.put("runtime.error.topic.sasl.jaas.config", "LoginModule required password=\"" + JAAS_PASSWORD + "\";");
    props.put("runtime.error.topic.ssl.key.password", KEY_PASSWORD);
    return new MaxComputeSinkConfig(props).settings();
  }

  @Test
  void toStringNamesEveryField() {
    List<String> fields = Arrays.stream(SinkSettings.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).collect(Collectors.toList());

    String shown = withEverySecret().toString();

    assertThat(fields).hasSizeGreaterThan(30);
    for (String field : fields) {
      assertThat(shown).as("toString names field %s", field).containsPattern("[{ ]" + field + "=");
    }
  }

  @Test
  void toStringShowsThatEachSecretIsSetButNeverItsValue() {
    String shown = withEverySecret().toString();

    assertThat(shown)
        .contains("accessKey=[hidden]")
        .contains("trustStore=TrustStoreFile{location=/etc/mc/trust.p12, type=PKCS12, password=[hidden]}")
        .contains("sasl.jaas.config=[hidden]", "ssl.key.password=[hidden]", "security.protocol=SASL_SSL")
        .doesNotContain(ACCESS_KEY, STORE_PASSWORD, JAAS_PASSWORD, KEY_PASSWORD);
  }

  @Test
  void toStringLeavesASecretThatIsNotSetEmpty() {
    SinkSettings settings = SinkSettings.builder().endpoint("http://127.0.0.1:1/api").project("p").table("t")
        .accountType(AccountType.DEFAULT_CHAIN).build();

    assertThat(settings.toString()).contains("accessKey=, ").contains("trustStore=TrustStoreFile{none}");
  }

  @Test
  void aBuilderStartsFromTheDefaultsOfTheConfigDef() {
    Map<String, String> required = MaxComputeSinkConfigTest.minimal();
    SinkSettings parsed = new MaxComputeSinkConfig(required).settings();

    SinkSettings built = SinkSettings.builder().endpoint(required.get("endpoint")).project(required.get("project"))
        .table(required.get("table")).accessId(required.getOrDefault("access_id", ""))
        .accessKey(required.getOrDefault("access_key", "")).build();

    assertThat(built.toString()).isEqualTo(parsed.toString());
  }
}
