package dev.mcsink.localmc.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers STS {@code AssumeRole} (RPC style, Version 2015-04-01) as Alibaba's credentials
 * libraries call it, issuing temporary credentials into {@link Accounts}.
 *
 * <p>Checked: Action, Version, the V1.0 RPC signature (by a permanent key), RoleArn and
 * RoleSessionName syntax, DurationSeconds, Policy being JSON. Not checked (local test backend):
 * Timestamp skew, SignatureNonce reuse, role existence and trust policies. DurationSeconds is
 * accepted from 1 s up to 43200 s, and the token lives the shorter of it and the configured
 * lifetime (the role's maximum session duration): that is how tests get tokens that expire in
 * seconds from clients that always ask for at least 900 s. The answer is always JSON.
 */
public final class StsService {
  public static final String CONTENT_TYPE = "application/json;charset=utf-8";

  private static final String ACTION = "AssumeRole";
  private static final String VERSION = "2015-04-01";
  private static final long MAX_DURATION_SECONDS = 43_200;
  private static final String HOST_ID = "sts.aliyuncs.com";
  private static final Pattern ROLE_ARN =
      Pattern.compile("acs:ram::([0-9]+|[A-Za-z0-9][A-Za-z0-9_.-]*):role/([A-Za-z0-9][A-Za-z0-9_.@-]*)");
  private static final Pattern ROLE_SESSION_NAME = Pattern.compile("[A-Za-z0-9_.@-]{2,64}");
  private static final DateTimeFormatter EXPIRATION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Accounts accounts;
  private final Duration defaultLifetime;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Expirations are computed with the accounts' clock, which is also the one requests are
   * authenticated with, so there is no second clock to keep in step.
   *
   * @param defaultLifetime the lifetime of issued tokens, and the most a request may ask for; any
   *     positive duration
   */
  public StsService(Accounts accounts, Duration defaultLifetime) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.defaultLifetime = Objects.requireNonNull(defaultLifetime, "defaultLifetime");
    if (defaultLifetime.isNegative() || defaultLifetime.isZero()) {
      throw new IllegalArgumentException("defaultLifetime must be positive: " + defaultLifetime);
    }
  }

  /**
   * @param httpMethod GET or POST (the method is part of the signed text)
   * @param params query parameters merged with the form body's, URL-decoded
   */
  public StsResponse handle(String httpMethod, Map<String, String> params) {
    try {
      return assumeRole(httpMethod.toUpperCase(Locale.ROOT), params);
    } catch (StsError error) {
      return errorResponse(error);
    }
  }

  private StsResponse assumeRole(String method, Map<String, String> params) throws StsError {
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new StsError(400, "UnsupportedHTTPMethod", "Specified HTTP method " + method
          + " is not supported; use GET or POST.");
    }
    String action = required(params, "Action");
    if (!action.equals(ACTION)) {
      throw new StsError(404, "InvalidAction.NotFound",
          "Specified api is not found, please check your url and method.");
    }
    String version = required(params, "Version");
    if (!version.equals(VERSION)) {
      throw new StsError(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }
    String signatureMethod = params.get("SignatureMethod");
    if (signatureMethod != null && !signatureMethod.equals("HMAC-SHA1")) {
      throw new StsError(400, "InvalidParameter.SignatureMethod",
          "Specified signature method is not supported; use HMAC-SHA1.");
    }
    String accessKeyId = required(params, "AccessKeyId");
    String signature = required(params, RpcSignature.SIGNATURE_PARAM);
    Credential caller = accounts.find(accessKeyId).orElseThrow(() ->
        new StsError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
    String stringToSign = RpcSignature.stringToSign(method, params);
    if (!Hmac.sameText(RpcSignature.sign(caller.secret(), stringToSign), signature)) {
      throw new StsError(400, "SignatureDoesNotMatch",
          "Specified signature is not matched with our calculation. server string to sign is:"
              + stringToSign);
    }
    if (!(caller instanceof PermanentCredential)) {
      throw new StsError(403, "NoPermission",
          "You are not authorized to do this action. This STS accepts only permanent AccessKeys"
              + " as callers (role chaining is not emulated).");
    }
    String roleArn = required(params, "RoleArn");
    Matcher arn = ROLE_ARN.matcher(roleArn);
    if (!arn.matches()) {
      throw new StsError(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
    }
    String sessionName = required(params, "RoleSessionName");
    if (!ROLE_SESSION_NAME.matcher(sessionName).matches()) {
      throw new StsError(400, "InvalidParameter.RoleSessionName",
          "The parameter RoleSessionName is wrongly formed.");
    }
    Duration lifetime = lifetime(params.get("DurationSeconds"));
    checkPolicy(params.get("Policy"));

    TemporaryCredential issued = accounts.issue(accessKeyId, roleArn, lifetime);
    return new StsResponse(200, CONTENT_TYPE,
        successBody(issued, roleArn, sessionName, arn.group(1)));
  }

  private Duration lifetime(String durationSeconds) throws StsError {
    if (durationSeconds == null || durationSeconds.isEmpty()) {
      return defaultLifetime;
    }
    long seconds;
    try {
      seconds = Long.parseLong(durationSeconds);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > MAX_DURATION_SECONDS) {
      throw new StsError(400, "InvalidParameter.DurationSeconds",
          "The parameter DurationSeconds must be a whole number of seconds up to "
              + MAX_DURATION_SECONDS + ".");
    }
    Duration requested = Duration.ofSeconds(seconds);
    return requested.compareTo(defaultLifetime) < 0 ? requested : defaultLifetime;
  }

  private void checkPolicy(String policy) throws StsError {
    if (policy == null) {
      return;
    }
    JsonNode parsed;
    try {
      parsed = json.readTree(policy);
    } catch (JsonProcessingException e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isObject()) {
      throw new StsError(400, "InvalidParameter.PolicyGrammar",
          "The parameter Policy has not passed grammar check.");
    }
  }

  private String successBody(
      TemporaryCredential issued, String roleArn, String sessionName, String accountId) {
    ObjectNode body = json.createObjectNode();
    body.put("RequestId", requestId());
    ObjectNode user = body.putObject("AssumedRoleUser");
    user.put("Arn", roleArn + "/" + sessionName);
    user.put("AssumedRoleId", roleId(roleArn) + ":" + sessionName);
    ObjectNode credentials = body.putObject("Credentials");
    credentials.put("SecurityToken", issued.securityToken());
    credentials.put("AccessKeyId", issued.accessId());
    credentials.put("AccessKeySecret", issued.secret());
    credentials.put("Expiration", EXPIRATION.format(issued.expiration()));
    return write(body);
  }

  /** A stable 18-digit id per role, shaped like the real service's AssumedRoleId prefix. */
  private static String roleId(String roleArn) {
    long positive = roleArn.hashCode() & 0xffffffffL;
    return String.format(Locale.ROOT, "3%017d", positive);
  }

  private StsResponse errorResponse(StsError error) {
    ObjectNode body = json.createObjectNode();
    body.put("RequestId", requestId());
    body.put("HostId", HOST_ID);
    body.put("Code", error.code);
    body.put("Message", error.getMessage());
    body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code + "&product=Sts");
    return new StsResponse(error.status, CONTENT_TYPE, write(body));
  }

  private static String required(Map<String, String> params, String name) throws StsError {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      throw new StsError(400, "Missing" + name, name + " is mandatory for this action.");
    }
    return value;
  }

  private static String requestId() {
    return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  }

  private String write(JsonNode body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A refusal carried to the single place that renders error bodies. */
  private static final class StsError extends Exception {
    final int status;
    final String code;

    StsError(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
