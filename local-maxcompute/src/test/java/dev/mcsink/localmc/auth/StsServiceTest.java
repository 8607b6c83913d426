package dev.mcsink.localmc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.credentials.http.MethodType;
import com.aliyun.credentials.utils.ParameterHelper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** AssumeRole requests signed with credentials-java's own signing helper, answered directly. */
class StsServiceTest {
  private static final String CALLER = "LTAI5tCaller";
  private static final String SECRET = "caller-secret";
  private static final String ROLE = "acs:ram::1234567890123456:role/mc-writer";

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-25T08:00:00.750Z"), ZoneOffset.UTC);
  private final Accounts accounts = new Accounts(Map.of(CALLER, SECRET), clock);
  private final StsService sts = new StsService(accounts, Duration.ofHours(1));
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void assumeRoleIssuesACredentialThatAccountsNowKnow() throws Exception {
    StsResponse response = sts.handle("GET", signed("GET", request(), SECRET));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(response.body());
    JsonNode credentials = body.get("Credentials");
    assertThat(credentials.get("AccessKeyId").asText()).startsWith("STS.");
    assertThat(credentials.get("Expiration").asText()).isEqualTo("2026-11-25T08:15:00Z");
    assertThat(body.get("RequestId").asText()).isNotEmpty();
    assertThat(body.at("/AssumedRoleUser/Arn").asText()).isEqualTo(ROLE + "/session-1");
    assertThat(body.at("/AssumedRoleUser/AssumedRoleId").asText()).endsWith(":session-1");
    Credential issued = accounts.find(credentials.get("AccessKeyId").asText()).orElseThrow();
    assertThat(issued).isInstanceOfSatisfying(TemporaryCredential.class, t -> {
      assertThat(t.secret()).isEqualTo(credentials.get("AccessKeySecret").asText());
      assertThat(t.securityToken()).isEqualTo(credentials.get("SecurityToken").asText());
      assertThat(t.expiration()).isEqualTo(Instant.parse("2026-11-25T08:15:00Z"));
      assertThat(t.issuedTo()).isEqualTo(CALLER);
    });
  }

  @Test
  void withoutDurationSecondsTheConfiguredDefaultLifetimeApplies() throws Exception {
    Map<String, String> params = request();
    params.remove("DurationSeconds");

    StsResponse response = sts.handle("GET", signed("GET", params, SECRET));

    assertThat(json.readTree(response.body()).at("/Credentials/Expiration").asText())
        .isEqualTo("2026-11-25T09:00:00Z");
  }

  @Test
  void aRequestLongerThanTheConfiguredLifetimeGetsTheConfiguredLifetime() throws Exception {
    StsService shortLived = new StsService(accounts, Duration.ofSeconds(5));

    StsResponse response = shortLived.handle("GET", signed("GET", request(), SECRET));

    assertThat(json.readTree(response.body()).at("/Credentials/Expiration").asText())
        .isEqualTo("2026-11-25T08:00:05Z");
  }

  @Test
  void postWithAFormBodySignedAsPostIsAccepted() {
    StsResponse response = sts.handle("POST", signed("POST", request(), SECRET));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aRequestSignedForGetButSentAsPostIsRefused() throws Exception {
    StsResponse response = sts.handle("POST", signed("GET", request(), SECRET));

    assertError(response, 400, "SignatureDoesNotMatch");
  }

  @Test
  void wrongCallerSecretIsRefusedAndTheSecretIsNotEchoed() throws Exception {
    StsResponse response = sts.handle("GET", signed("GET", request(), "not-the-secret"));

    JsonNode body = assertError(response, 400, "SignatureDoesNotMatch");
    assertThat(body.get("Message").asText()).contains("AssumeRole").doesNotContain(SECRET);
    assertThat(body.get("HostId").asText()).isNotEmpty();
    assertThat(body.get("Recommend").asText()).contains("SignatureDoesNotMatch");
  }

  @Test
  void unknownCallerIsRefusedAsNotFound() throws Exception {
    Map<String, String> params = request();
    params.put("AccessKeyId", "LTAI5tNobody");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 404, "InvalidAccessKeyId.NotFound");
  }

  @Test
  void temporaryCallerCannotAssumeARole() throws Exception {
    TemporaryCredential temporary = accounts.issue(CALLER, ROLE, Duration.ofHours(1));
    Map<String, String> params = request();
    params.put("AccessKeyId", temporary.accessId());
    params.put("SecurityToken", temporary.securityToken());

    assertError(sts.handle("GET", signed("GET", params, temporary.secret())), 403, "NoPermission");
  }

  @Test
  void malformedRoleArnIsRefused() throws Exception {
    Map<String, String> params = request();
    params.put("RoleArn", "arn:aws:iam::123:role/x");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 400, "InvalidParameter.RoleArn");
  }

  @Test
  void roleArnWithAnAccountAliasIsAccepted() {
    Map<String, String> params = request();
    params.put("RoleArn", "acs:ram::local-account:role/writer");

    assertThat(sts.handle("GET", signed("GET", params, SECRET)).status()).isEqualTo(200);
  }

  @Test
  void missingRoleSessionNameIsRefused() throws Exception {
    Map<String, String> params = request();
    params.remove("RoleSessionName");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 400, "MissingRoleSessionName");
  }

  @Test
  void nonNumericDurationIsRefused() throws Exception {
    Map<String, String> params = request();
    params.put("DurationSeconds", "an hour");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 400,
        "InvalidParameter.DurationSeconds");
  }

  @Test
  void policyThatIsNotJsonIsRefused() throws Exception {
    Map<String, String> params = request();
    params.put("Policy", "{not json");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 400,
        "InvalidParameter.PolicyGrammar");
  }

  @Test
  void otherActionsAreNotFound() throws Exception {
    Map<String, String> params = request();
    params.put("Action", "GetCallerIdentity");

    assertError(sts.handle("GET", signed("GET", params, SECRET)), 404, "InvalidAction.NotFound");
  }

  private JsonNode assertError(StsResponse response, int status, String code) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("Code").asText()).isEqualTo(code);
    assertThat(body.get("RequestId").asText()).isNotEmpty();
    return body;
  }

  /** The parameters credentials-java 1.0.3 sends, before signing. */
  private static Map<String, String> request() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Action", "AssumeRole");
    params.put("Format", "JSON");
    params.put("Version", "2015-04-01");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", "0f3a9c1e7d2b4a6c8e0f1a2b3c4d5e6f");
    params.put("Timestamp", "2026-11-25T08:00:00Z");
    params.put("DurationSeconds", "900");
    params.put("RoleArn", ROLE);
    params.put("RoleSessionName", "session-1");
    params.put("AccessKeyId", CALLER);
    params.put("Policy", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"odps:*\","
        + "\"Resource\":\"*\"}]}");
    return params;
  }

  private static Map<String, String> signed(String method, Map<String, String> params, String secret) {
    ParameterHelper helper = new ParameterHelper();
    String stringToSign = helper.composeStringToSign(MethodType.valueOf(method), params);
    Map<String, String> signed = new LinkedHashMap<>(params);
    signed.put("Signature", helper.signString(stringToSign, secret + "&"));
    return signed;
  }
}
