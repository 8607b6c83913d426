package dev.mcsink.localmc.auth;

import dev.mcsink.localmc.tls.SelfSignedTls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.credentials.models.Config;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.odps.Odps;
import com.aliyun.odps.account.StsAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * The real credentials-java 1.0.3 obtains credentials from {@link StsService} over https, and
 * the real ODPS SDK then signs with them; {@link RequestAuthenticator} accepts that until expiry.
 */
class CredentialsLibraryRoundTripTest {
  private static final String CALLER = "LTAI5tKafkaConnect";
  private static final String SECRET = "connect-secret";
  private static final String ROLE = "acs:ram::1234567890123456:role/mc-sink";

  // Starts at the real time: the library judges staleness by the system clock.
  private static final MutableClock clock = MutableClock.of(Instant.now(), ZoneOffset.UTC);
  private static final Accounts accounts = new Accounts(Map.of(CALLER, SECRET), clock);
  private static StsHttpsServer sts;
  private static AutoCloseable trust;

  @BeforeAll
  static void startSts(@TempDir Path dir) throws Exception {
    SelfSignedTls tls = SelfSignedTls.createIn(dir);
    trust = tls.trustGlobally();
    sts = new StsHttpsServer(new StsService(accounts, Duration.ofHours(1)), tls.serverContext());
  }

  @AfterAll
  static void stopSts() throws Exception {
    sts.close();
    trust.close();
  }

  @Test
  void libraryObtainsCredentialsExpiringAfterTheRequestedDuration() {
    Instant expected = clock.instant().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    RamRoleArnCredentialProvider provider = provider(SECRET).durationSeconds(3600).build();

    CredentialModel credential = provider.getCredentials();

    assertThat(credential.getAccessKeyId()).startsWith("STS.");
    assertThat(credential.getSecurityToken()).isNotEmpty();
    assertThat(Instant.ofEpochMilli(credential.getExpiration())).isEqualTo(expected);
    assertThat(accounts.find(credential.getAccessKeyId())).get()
        .isInstanceOfSatisfying(TemporaryCredential.class,
            t -> assertThat(t.expiration()).isEqualTo(expected));
  }

  @Test
  void libraryCallsGetOnTheRootPathWithTheRpcParameters() {
    provider(SECRET).roleSessionName("shape-check").build().getCredentials();

    StsHttpsServer.Received call = sts.received().stream()
        .filter(r -> r.rawQuery().contains("RoleSessionName=shape-check"))
        .findFirst().orElseThrow();
    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.path()).isEqualTo("/");
    assertThat(SignedRequest.parseQuery(call.rawQuery())).containsOnlyKeys(
        "Action", "Format", "Version", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "Timestamp", "DurationSeconds", "RoleArn", "RoleSessionName", "AccessKeyId", "Signature");
  }

  @Test
  void clientConfiguredForRamRoleArnWithAPolicyObtainsCredentials() {
    Config config = new Config()
        .setType("ram_role_arn")
        .setAccessKeyId(CALLER)
        .setAccessKeySecret(SECRET)
        .setRoleArn(ROLE)
        .setRoleSessionName("client-session")
        .setPolicy("{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", "
            + "\"Action\": \"odps:*\", \"Resource\": \"*\"}]}")
        .setSTSEndpoint(sts.endpoint());

    CredentialModel credential = new Client(config).getCredential();

    assertThat(credential.getAccessKeyId()).startsWith("STS.");
  }

  @Test
  void wrongCallerSecretIsRejectedWithSignatureDoesNotMatch() {
    RamRoleArnCredentialProvider provider = provider("wrong-secret").build();

    assertThatThrownBy(provider::getCredentials)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("HttpCode: 400")
        .hasMessageContaining("SignatureDoesNotMatch");
  }

  @Test
  void libraryRefusesDurationsBelow900SecondsBeforeCallingSts() {
    assertThatThrownBy(() -> provider(SECRET).durationSeconds(899).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("900");
  }

  @Test
  void issuedCredentialSignsOdpsRequestsUntilItExpires() throws Exception {
    CredentialModel credential = provider(SECRET).durationSeconds(900).build().getCredentials();
    RequestAuthenticator authenticator = new RequestAuthenticator(accounts);
    SignedRequest request;
    try (CapturingOdpsServer odpsServer = new CapturingOdpsServer()) {
      Odps odps = new Odps(new StsAccount(credential.getAccessKeyId(),
          credential.getAccessKeySecret(), credential.getSecurityToken()));
      odps.setEndpoint(odpsServer.endpoint());
      odps.setDefaultProject("p1");
      odps.getRestClient().setRetryTimes(0);
      catchThrowable(() -> odps.projects().exists("p1"));
      request = odpsServer.single();
    }

    AuthResult fresh = authenticator.authenticate(request);
    clock.add(Duration.ofSeconds(901));
    AuthResult afterExpiry = authenticator.authenticate(request);

    assertThat(fresh).isEqualTo(AuthResult.granted(credential.getAccessKeyId()));
    assertThat(afterExpiry).isInstanceOfSatisfying(AuthResult.Denied.class,
        denied -> assertThat(denied.errorCode()).isEqualTo("InvalidSecurityToken.Expired"));
  }

  private static RamRoleArnCredentialProvider.Builder provider(String secret) {
    return RamRoleArnCredentialProvider.builder()
        .accessKeyId(CALLER)
        .accessKeySecret(secret)
        .roleArn(ROLE)
        .roleSessionName("kafka-connect")
        .STSEndpoint(sts.endpoint());
  }
}
