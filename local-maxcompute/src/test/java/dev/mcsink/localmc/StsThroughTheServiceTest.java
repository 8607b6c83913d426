package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.StsAccount;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.tls.SelfSignedTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole STS path against a running service: Alibaba's credentials library assumes a role over
 * https on the service's own port, and the official SDK then works with the temporary keys.
 */
class StsThroughTheServiceTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static AutoCloseable trust;

  @BeforeAll
  static void trustTheServiceCertificate() throws Exception {
    trust = SelfSignedTls.in(MC.service().trustStore().getParent()).trustGlobally();
  }

  @AfterAll
  static void restoreTrust() throws Exception {
    trust.close();
  }

  @Test
  void temporaryCredentialsFromAssumeRoleAreAcceptedBySdkCalls() throws Exception {
    CredentialModel credentials = provider(MC.service().accessKey()).build().getCredentials();

    Odps odps = new Odps(new StsAccount(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
        credentials.getSecurityToken()));
    odps.setEndpoint(MC.service().endpoint());

    assertThat(odps.projects().exists(LocalMaxCompute.DEFAULT_PROJECT)).isTrue();
    assertThat(credentials.getAccessKeyId()).startsWith("STS.");
  }

  @Test
  void aTokenPresentedWithAnotherTemporaryKeyIsRefused() throws Exception {
    CredentialModel first = provider(MC.service().accessKey()).build().getCredentials();
    CredentialModel second = provider(MC.service().accessKey()).build().getCredentials();

    Odps odps = new Odps(new StsAccount(first.getAccessKeyId(), first.getAccessKeySecret(),
        second.getSecurityToken()));
    odps.setEndpoint(MC.service().endpoint());

    assertThatThrownBy(() -> odps.projects().get(LocalMaxCompute.DEFAULT_PROJECT).reload())
        .isInstanceOfSatisfying(OdpsException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
  }

  @Test
  void assumeRoleWithAWrongCallerKeyFails() {
    assertThatThrownBy(() -> provider("not-the-key").build().getCredentials())
        .hasMessageContaining("SignatureDoesNotMatch");
  }

  @Test
  void plainHttpStillServesTheSdkOnTheSamePort() throws Exception {
    Odps odps = new Odps(new AliyunAccount(MC.service().accessId(), MC.service().accessKey()));
    odps.setEndpoint(MC.service().endpoint());
    assertThat(MC.service().endpoint()).startsWith("http://");
    assertThat(odps.projects().exists(LocalMaxCompute.DEFAULT_PROJECT)).isTrue();
  }

  private static RamRoleArnCredentialProvider.Builder provider(String callerKey) {
    return RamRoleArnCredentialProvider.builder()
        .accessKeyId(MC.service().accessId())
        .accessKeySecret(callerKey)
        .roleArn("acs:ram::1234567890123456:role/mc-sink")
        .roleSessionName("local-test")
        .STSEndpoint(MC.service().stsEndpoint());
  }

}
