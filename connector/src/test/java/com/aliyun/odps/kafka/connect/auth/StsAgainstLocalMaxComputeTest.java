package com.aliyun.odps.kafka.connect.auth;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AklessAccount;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.MaxComputeSinkTask;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.tls.TrustStores;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * STS through Alibaba's credentials library against the local MaxCompute, whose tokens live 5 s
 * whatever the library asks for (it always asks for at least 900 s). The library calls STS over
 * https; the service's self-signed certificate is trusted through the connector's trust store.
 */
class StsAgainstLocalMaxComputeTest {
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(5);

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.stsTokenLifetime(TOKEN_LIFETIME));

  /** AssumeRole calls as the connector makes them, with its trust store. */
  private static AssumeRoleSource assumeRole(SinkSettings settings, Duration timeout) {
    return new AssumeRoleSource(settings, timeout, TrustStores.socketFactory(settings.trustStore()));
  }

  /** AssumeRole of role mc-sink at the service's STS endpoint (https, its trust store), with the AccessKey pair. */
  private static SinkConnectorConfig sts() {
    return LocalMaxComputeAccess.config(MC.service(), "t").stsRole("1234567890123456", "mc-sink")
        .trustStore(MC.service().trustStore().toString(), SelfSignedTls.PASSWORD);
  }

  @Test
  void eachFetchAssumesTheRoleAnewAndKeepsTheAnswersRealExpiry() {
    try (AssumeRoleSource source = assumeRole(parse(sts()), Duration.ofSeconds(5))) {
      Instant before = Instant.now();
      IssuedCredentials first = source.fetch();
      IssuedCredentials second = source.fetch();

      assertThat(first.getAccessKeyId()).startsWith("STS.");
      assertThat(second.getAccessKeyId()).isNotEqualTo(first.getAccessKeyId());
      // Expiration has whole seconds: at most 5 s after the call, and not an assumed hour.
      assertThat(first.expiration()).isBefore(before.plus(TOKEN_LIFETIME).plusSeconds(1));
      assertThat(first.expiration()).isAfter(before);
      assertThat(source.description()).contains("acs:ram::1234567890123456:role/mc-sink");
    }
  }

  @Test
  void aWrongCallerKeyIsReportedOnAccessIdWithoutTheKey() {
    SinkSettings settings = parse(sts().set("access_key", "wrong-secret-value"));
    try (AssumeRoleSource source = assumeRole(settings, Duration.ofSeconds(5))) {
      assertThatThrownBy(source::fetch)
          .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
            assertThat(e.configKey()).isEqualTo("access_id");
            assertThat(e.isTransient()).isFalse();
          })
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageContaining("acs:ram::1234567890123456:role/mc-sink")
          .hasMessageContaining(MC.service().accessId())
          .hasMessageNotContaining("wrong-secret-value")
          .hasMessageNotContaining("server string to sign");
    }
  }

  @Test
  void aMalformedRoleIsReportedOnRoleName() {
    SinkSettings settings = parse(sts().set("role_name", "no spaces allowed"));
    try (AssumeRoleSource source = assumeRole(settings, Duration.ofSeconds(5))) {
      assertThatThrownBy(source::fetch)
          .isInstanceOfSatisfying(CredentialsUnavailableException.class,
              e -> assertThat(e.configKey()).isEqualTo("role_name"))
          .hasMessageContaining("InvalidParameter.RoleArn");
    }
  }

  @Test
  void anUnreachableStsEndpointIsATransientProblemOnStsEndpoint() {
    SinkSettings settings = parse(sts().set("sts.endpoint", "127.0.0.1:1"));
    try (AssumeRoleSource source = assumeRole(settings, Duration.ofSeconds(2))) {
      assertThatThrownBy(source::fetch)
          .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
            assertThat(e.configKey()).isEqualTo("sts.endpoint");
            assertThat(e.isTransient()).isTrue();
          })
          .hasMessageContaining("127.0.0.1:1");
    }
  }

  @Test
  void anStsEndpointGivenAsAUrlIsReducedToItsHost() {
    assertThat(AssumeRoleSource.hostOf("https://sts.cn-shanghai.aliyuncs.com/")).isEqualTo("sts.cn-shanghai.aliyuncs.com");
    assertThat(AssumeRoleSource.hostOf(" sts.aliyuncs.com ")).isEqualTo("sts.aliyuncs.com");
    assertThat(AssumeRoleSource.hostOf("http://127.0.0.1:8080")).isEqualTo("127.0.0.1:8080");
  }

  @Test
  void anStsClientKeepsWorkingAcrossManyTokenExpiries() throws Exception {
    try (OdpsClientFactory factory = new OdpsClientFactory(parse(sts()))) {
      Odps odps = factory.createOdps();
      RefreshingCredentialsProvider credentials =
          (RefreshingCredentialsProvider) ((AklessAccount) odps.getAccount()).getCredentialsProvider();

      // Requests all along until four tokens (about 10 s, two token lifetimes) have been used.
      TestUtils.waitForCondition(() -> {
        assertThat(odps.projects().exists("project_name")).isTrue();
        return credentials.issuedCount() >= 4;
      }, 30_000, "tokens were not refreshed: " + credentials.issuedCount());
      assertThat(credentials.failureCount()).isZero();
      assertThat(factory.credentialRefreshes()).as("refreshes: the tokens after the first")
          .isEqualTo(credentials.issuedCount() - 1);
      assertThat(factory.credentialRefreshFailures()).isZero();
    }
  }

  @Test
  void aWrongCallerKeyFailsTheClientAtOnce() {
    SinkSettings settings = parse(sts().set("access_key", "wrong-secret-value").set("retry_times", "3"));
    try (OdpsClientFactory factory = new OdpsClientFactory(settings)) {
      long start = System.nanoTime();
      assertThatThrownBy(factory::createOdps)
          .isInstanceOf(CredentialsUnavailableException.class)
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageNotContaining("wrong-secret-value");
      // Not retried: a wrong key does not get better.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aWrongCallerKeyFailsTheTaskStartWithAClearMessageWithoutTheKey() {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint", MC.service().endpoint());
    props.put("project", "project_name");
    props.put("table", "t");
    props.put("account_type", "sts");
    props.put("access_id", MC.service().accessId());
    props.put("access_key", "wrong-secret-value");
    props.put("account_id", "1234567890123456");
    props.put("role_name", "mc-sink");
    props.put("sts.endpoint", MC.service().stsEndpoint());
    props.put("ssl_truststore_location", MC.service().trustStore().toString());
    props.put("ssl_truststore_password", SelfSignedTls.PASSWORD);
    MaxComputeSinkTask task = new MaxComputeSinkTask();

    assertThatThrownBy(() -> task.start(props))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("AssumeRole of acs:ram::1234567890123456:role/mc-sink")
        .hasMessageContaining("access_id '" + MC.service().accessId() + "'")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageNotContaining("wrong-secret-value");
  }

  @Test
  void theDefaultChainFindsCredentialsInSystemProperties() throws Exception {
    System.setProperty("alibabacloud.accessKeyId", MC.service().accessId());
    System.setProperty("alibabacloud.accessKeySecret", MC.service().accessKey());
    SinkSettings settings = parse(sts().set("account_type", "DEFAULT").set("access_id", "").set("access_key", ""));
    try (OdpsClientFactory factory = new OdpsClientFactory(settings)) {
      assertThat(factory.createOdps().projects().exists("project_name")).isTrue();
    } finally {
      System.clearProperty("alibabacloud.accessKeyId");
      System.clearProperty("alibabacloud.accessKeySecret");
    }
  }
}
