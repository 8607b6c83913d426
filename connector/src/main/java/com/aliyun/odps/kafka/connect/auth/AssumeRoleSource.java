package com.aliyun.odps.kafka.connect.auth;

import com.aliyun.credentials.http.CompatibleUrlConnClient;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.tls.TrustStoreStsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * STS AssumeRole through Alibaba's credentials library: role {@code acs:ram::{account_id}:role/{role_name}}
 * at {@code sts.endpoint}, signed with {@code access_id}/{@code access_key}. Each {@link #fetch()}
 * asks STS for a new token ({@code refreshCredentials()}, bypassing the library's cache; the
 * {@link RefreshingCredentialsProvider} decides when). Failures are turned into messages that say
 * what STS answered and which key to look at, without the access key.
 */
public final class AssumeRoleSource implements CredentialsSource {
  /**
   * Requested session length. Every RAM role allows at least an hour (its maximum session
   * duration defaults to 1 h and cannot be set lower), so this never fails for being too long; the
   * token's real lifetime comes from the answer's Expiration.
   */
  static final int DURATION_SECONDS = 3600;
  private static final String SESSION_NAME = "kafka-connect-maxcompute";
  private static final String INCOMPLETE_ANSWER = "Error retrieving credentials from RamRoleArn";
  private static final Pattern HTTP_FAILURE = Pattern.compile("HttpCode: (\\d+), result: (.*)\\.", Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RamRoleArnCredentialProvider provider;
  private final String roleArn;
  private final String endpoint;
  private final String accessId;
  private final String accessKey;
  /** Null: the JVM's default trust. */
  private final SSLSocketFactory trustStoreSockets;

  /**
   * @param timeout connect and read timeout of one AssumeRole call
   * @param trustStoreSockets https to STS with this trust ({@code ssl_truststore_location}); null for the JVM's
   */
  public AssumeRoleSource(SinkSettings settings, Duration timeout, SSLSocketFactory trustStoreSockets) {
    this.trustStoreSockets = trustStoreSockets;
    this.roleArn = roleArn(settings);
    this.endpoint = hostOf(settings.stsEndpoint());
    this.accessId = settings.accessId();
    this.accessKey = settings.accessKey();
    RamRoleArnCredentialProvider.Builder builder = RamRoleArnCredentialProvider.builder()
        .accessKeyId(settings.accessId())
        .accessKeySecret(settings.accessKey())
        .roleArn(roleArn)
        .roleSessionName(SESSION_NAME)
        .durationSeconds(DURATION_SECONDS)
        .connectionTimeout((int) timeout.toMillis())
        .readTimeout((int) timeout.toMillis());
    if (endpoint.isEmpty()) {
      // The library then picks the regional endpoint (sts.{region_id}.aliyuncs.com).
      builder.stsRegionId(settings.regionId().isEmpty() ? null : settings.regionId());
    } else {
      builder.STSEndpoint(endpoint);
    }
    this.provider = builder.build();
  }

  /** {@code acs:ram::{account_id}:role/{role_name}}. */
  public static String roleArn(SinkSettings settings) {
    return "acs:ram::" + settings.accountId() + ":role/" + settings.roleName();
  }

  /** The library always calls {@code https://<endpoint>/}: accept a URL too and keep its host[:port]. */
  static String hostOf(String stsEndpoint) {
    String host = stsEndpoint == null ? "" : stsEndpoint.trim();
    host = host.replaceFirst("(?i)^https?://", "");
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(0, slash);
  }

  @Override
  public IssuedCredentials fetch() {
    CredentialModel model;
    try {
      // What refreshCredentials() does, with this connector's trust.
      try (CompatibleUrlConnClient client = httpClient()) {
        model = provider.getNewSessionCredentials(client).value();
      }
    } catch (RuntimeException e) {
      throw failure(e);
    }
    if (model.getExpiration() <= 0) {
      throw new CredentialsUnavailableException(prefix() + "the answer has no Expiration",
          MaxComputeSinkConfig.STS_ENDPOINT, false);
    }
    return new IssuedCredentials(model.getAccessKeyId(), model.getAccessKeySecret(), model.getSecurityToken(),
        Instant.ofEpochMilli(model.getExpiration()));
  }

  private CompatibleUrlConnClient httpClient() {
    return trustStoreSockets == null ? new CompatibleUrlConnClient() : new TrustStoreStsClient(trustStoreSockets);
  }

  @Override
  public String description() {
    return "STS credentials for role " + roleArn;
  }

  @Override
  public void close() {
    provider.close();
  }

  private String prefix() {
    return "AssumeRole of " + roleArn + " at sts.endpoint '" + endpoint + "' as access_id '" + accessId + "' failed: ";
  }

  /**
   * The library reports everything as a CredentialException whose message is either "Failed to
   * connect RamRoleArn Service: ...", "Error refreshing credentials from RamRoleArn, HttpCode: N,
   * result: BODY." with STS's JSON error body (N is 0 when no answer came), or "Error retrieving
   * credentials from RamRoleArn result: BODY." for a 200 answer without complete credentials.
   */
  CredentialsUnavailableException failure(RuntimeException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (text.startsWith(INCOMPLETE_ANSWER)) {
      // That body may hold the other fields of the temporary credentials (secret, token): leave it out.
      return new CredentialsUnavailableException(prefix() + "STS answered without complete credentials"
          + " (AccessKeyId, AccessKeySecret, SecurityToken)", MaxComputeSinkConfig.STS_ENDPOINT, false);
    }
    Matcher http = HTTP_FAILURE.matcher(text);
    if (!http.find()) {
      boolean unreachable = text.startsWith("Failed to connect");
      return new CredentialsUnavailableException(hidden(prefix() + text), MaxComputeSinkConfig.STS_ENDPOINT,
          unreachable);
    }
    int status = Integer.parseInt(http.group(1));
    if (status <= 0) {
      // The library reports a failed connection or a timeout as HTTP 0 and drops the cause.
      return new CredentialsUnavailableException(prefix() + "no answer from STS (connection refused, unknown host,"
          + " TLS failure or timeout)", MaxComputeSinkConfig.STS_ENDPOINT, true);
    }
    String code = "";
    String message = http.group(2);
    try {
      JsonNode body = JSON.readTree(http.group(2));
      code = body.path("Code").asText("");
      message = body.path("Message").asText(message);
    } catch (IOException notJson) {
      // Keep the raw body.
    }
    // STS echoes the whole string to sign on a signature mismatch: noise for the reader.
    int echo = message.indexOf(" server string to sign is:");
    if (echo >= 0) {
      message = message.substring(0, echo);
    }
    boolean isTransient = status >= 500 || status == 429 || code.startsWith("Throttling");
    String reason = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": " + message;
    return new CredentialsUnavailableException(hidden(prefix() + reason), keyToFix(code, status), isTransient);
  }

  private static String keyToFix(String code, int status) {
    String c = code.toLowerCase(Locale.ROOT);
    if (c.contains("accesskey") || c.contains("signature")) {
      return MaxComputeSinkConfig.ACCESS_ID;
    }
    if (status >= 500 || status == 429) {
      return MaxComputeSinkConfig.STS_ENDPOINT;
    }
    // Unknown role, malformed ARN, not allowed to assume it: all about the role.
    return MaxComputeSinkConfig.ROLE_NAME;
  }

  private String hidden(String text) {
    return accessKey.isEmpty() ? text : text.replace(accessKey, "[hidden]");
  }
}
