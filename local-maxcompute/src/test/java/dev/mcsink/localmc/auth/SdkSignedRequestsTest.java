package dev.mcsink.localmc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.StsAccount;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** Requests signed by the real odps-sdk-core, captured from the wire and fed to the authenticator. */
class SdkSignedRequestsTest {
  private static final String ACCESS_ID = "LTAI5tLocalTestKey";
  private static final String SECRET = "s3cr3t-local-key";

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
  private final Accounts accounts = new Accounts(Map.of(ACCESS_ID, SECRET), clock);
  private final RequestAuthenticator authenticator = new RequestAuthenticator(accounts);
  private CapturingOdpsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new CapturingOdpsServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void requestSignedWithAConfiguredKeyIsGranted() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, SECRET)).projects().exists("p1");

    assertThat(authenticator.authenticate(server.single())).isEqualTo(AuthResult.granted(ACCESS_ID));
  }

  @Test
  void requestSignedWithAnotherSecretIsDeniedAsSignatureMismatch() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, "wrong-secret")).projects().exists("p1");

    assertThat(authenticator.authenticate(server.single()))
        .isEqualTo(AuthResult.denied(403, "SignatureNotMatch",
            "ODPS-0410042:Invalid signature value - User signature does not match"));
  }

  @Test
  void requestFromAnUnknownAccessIdIsDeniedWithoutRevealingSecrets() throws Exception {
    odps(new AliyunAccount("LTAIunknown", SECRET)).projects().exists("p1");

    AuthResult result = authenticator.authenticate(server.single());

    assertThat(result).isInstanceOfSatisfying(AuthResult.Denied.class, denied -> {
      assertThat(denied.httpStatus()).isEqualTo(403);
      assertThat(denied.errorCode()).isEqualTo("InvalidAccessKeyId");
      assertThat(denied.message()).contains("LTAIunknown").doesNotContain(SECRET);
    });
  }

  @Test
  void requestWithoutAuthorizationHeaderIsDenied() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, SECRET)).projects().exists("p1");
    SignedRequest signed = server.single();
    Map<String, String> headers = new HashMap<>(signed.headers());
    headers.remove("Authorization");

    AuthResult result = authenticator.authenticate(
        new SignedRequest(signed.method(), signed.resourcePath(), signed.params(), headers));

    assertThat(result).isInstanceOfSatisfying(AuthResult.Denied.class,
        denied -> assertThat(denied.httpStatus()).isEqualTo(401));
  }

  @Test
  void partitionValuesWithSpacesPlusSignsQuotesAndUnicodeVerify() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, SECRET)).tables().get("p1", "t1")
        .hasPartition(new PartitionSpec("pt='a b+c&d%?',dt='日期'"));

    SignedRequest partitionRequest = requestWithParam("partition");
    assertThat(partitionRequest.params().get("partition")).isEqualTo("pt='a b+c&d%?',dt='日期'");
    assertThat(server.requests()).allSatisfy(request ->
        assertThat(authenticator.authenticate(request)).isEqualTo(AuthResult.granted(ACCESS_ID)));
  }

  @Test
  void tamperedParameterOrPathIsDenied() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, SECRET)).tables().get("p1", "t1")
        .hasPartition(new PartitionSpec("pt='2026'"));
    SignedRequest signed = requestWithParam("partition");
    Map<String, String> tamperedParams = new HashMap<>(signed.params());
    tamperedParams.put("partition", "pt='2027'");

    AuthResult tamperedParam = authenticator.authenticate(new SignedRequest(
        signed.method(), signed.resourcePath(), tamperedParams, signed.headers()));
    AuthResult tamperedPath = authenticator.authenticate(new SignedRequest(
        signed.method(), "/projects/p1/tables/t2", signed.params(), signed.headers()));

    assertThat(authenticator.authenticate(signed)).isEqualTo(AuthResult.granted(ACCESS_ID));
    assertThat(tamperedParam).isInstanceOf(AuthResult.Denied.class);
    assertThat(tamperedPath).isInstanceOf(AuthResult.Denied.class);
  }

  @Test
  void postWithXmlBodyAndContentMd5IsGranted() {
    catchThrowable(() -> SQLTask.run(odps(new AliyunAccount(ACCESS_ID, SECRET)), "select 1;"));

    SignedRequest post = server.requests().stream()
        .filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
    assertThat(post.header("Content-MD5")).isNotEmpty();
    assertThat(post.header("Content-Type")).isEqualTo("application/xml");
    assertThat(authenticator.authenticate(post)).isEqualTo(AuthResult.granted(ACCESS_ID));
  }

  @Test
  void regionalAccountSignsV4AndIsGrantedOnlyWithTheRightSecret() throws Exception {
    odps(new AliyunAccount(ACCESS_ID, SECRET, "cn-shanghai")).projects().exists("p1");
    odps(new AliyunAccount(ACCESS_ID, "wrong-secret", "cn-shanghai")).projects().exists("p1");
    List<SignedRequest> requests = server.requests();

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).header("Authorization"))
        .startsWith("ODPS " + ACCESS_ID + "/")
        .contains("/cn-shanghai/odps/aliyun_v4_request:");
    assertThat(authenticator.authenticate(requests.get(0))).isEqualTo(AuthResult.granted(ACCESS_ID));
    assertThat(authenticator.authenticate(requests.get(1))).isInstanceOf(AuthResult.Denied.class);
  }

  @Test
  void tunnelUploadSessionRequestIsGranted() {
    Odps odps = odps(new AliyunAccount(ACCESS_ID, SECRET));
    TableTunnel tunnel = new TableTunnel(odps);
    tunnel.setEndpoint(server.endpoint());

    catchThrowable(() -> tunnel.createUploadSession("p1", "t1"));

    SignedRequest upload = server.requests().stream()
        .filter(r -> r.resourcePath().equals("/projects/p1/tables/t1"))
        .filter(r -> r.method().equals("POST") && r.params().containsKey("uploads"))
        .findFirst().orElseThrow();
    assertThat(upload.headers().keySet()).anyMatch(h -> h.toLowerCase().startsWith("x-odps-tunnel"));
    assertThat(server.requests()).allSatisfy(request ->
        assertThat(authenticator.authenticate(request)).isEqualTo(AuthResult.granted(ACCESS_ID)));
  }

  @Test
  void stsAccountWithItsOwnUnexpiredTokenIsGranted() throws Exception {
    TemporaryCredential sts = accounts.issue(ACCESS_ID, "acs:ram::123:role/writer", Duration.ofHours(1));

    odps(stsAccount(sts, sts.securityToken())).projects().exists("p1");

    assertThat(server.single().header("authorization-sts-token")).isEqualTo(sts.securityToken());
    assertThat(authenticator.authenticate(server.single()))
        .isEqualTo(AuthResult.granted(sts.accessId()));
  }

  @Test
  void stsAccountIsDeniedFromItsExpirationOn() throws Exception {
    TemporaryCredential sts = accounts.issue(ACCESS_ID, "acs:ram::123:role/writer", Duration.ofHours(1));
    odps(stsAccount(sts, sts.securityToken())).projects().exists("p1");
    SignedRequest request = server.single();

    clock.add(Duration.ofMinutes(59));
    AuthResult beforeExpiry = authenticator.authenticate(request);
    clock.add(Duration.ofMinutes(1));
    AuthResult atExpiry = authenticator.authenticate(request);

    assertThat(beforeExpiry).isEqualTo(AuthResult.granted(sts.accessId()));
    assertThat(atExpiry).isInstanceOfSatisfying(AuthResult.Denied.class, denied -> {
      assertThat(denied.httpStatus()).isEqualTo(403);
      assertThat(denied.errorCode()).isEqualTo("InvalidSecurityToken.Expired");
      assertThat(denied.message()).doesNotContain(sts.secret(), sts.securityToken());
    });
  }

  @Test
  void stsAccountPresentingAnotherCredentialsTokenIsDenied() throws Exception {
    TemporaryCredential mine = accounts.issue(ACCESS_ID, "acs:ram::123:role/writer", Duration.ofHours(1));
    TemporaryCredential other = accounts.issue(ACCESS_ID, "acs:ram::123:role/writer", Duration.ofHours(1));

    odps(stsAccount(mine, other.securityToken())).projects().exists("p1");

    assertThat(authenticator.authenticate(server.single()))
        .isInstanceOfSatisfying(AuthResult.Denied.class, denied -> assertThat(denied.errorCode())
            .isEqualTo("InvalidSecurityToken.MismatchWithAccessKey"));
  }

  @Test
  void temporaryAccessIdWithoutTokenIsDenied() throws Exception {
    TemporaryCredential sts = accounts.issue(ACCESS_ID, "acs:ram::123:role/writer", Duration.ofHours(1));

    odps(new AliyunAccount(sts.accessId(), sts.secret())).projects().exists("p1");

    assertThat(authenticator.authenticate(server.single()))
        .isInstanceOfSatisfying(AuthResult.Denied.class,
            denied -> assertThat(denied.errorCode()).isEqualTo("InvalidSecurityToken.Missing"));
  }

  private static StsAccount stsAccount(TemporaryCredential credential, String token) {
    return new StsAccount(credential.accessId(), credential.secret(), token);
  }

  private Odps odps(Account account) {
    Odps odps = new Odps(account);
    odps.setEndpoint(server.endpoint());
    odps.setDefaultProject("p1");
    odps.getRestClient().setRetryTimes(0);
    return odps;
  }

  private SignedRequest requestWithParam(String name) {
    return server.requests().stream()
        .filter(r -> r.params().containsKey(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no request with parameter " + name));
  }
}
