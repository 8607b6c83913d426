package com.aliyun.odps.kafka.connect.auth;

import com.aliyun.credentials.api.ICredentials;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials as STS issued them: the key pair, the security token and the moment they
 * stop working (the response's {@code Expiration}). Immutable; {@link #toString()} shows neither
 * the secret nor the token.
 */
public final class IssuedCredentials implements ICredentials {
  private static final String PROVIDER_NAME = "kafka-connect-maxcompute/sts";

  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;
  private final Instant expiration;

  public IssuedCredentials(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.accessKeySecret = Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    this.securityToken = Objects.requireNonNull(securityToken, "securityToken");
    this.expiration = Objects.requireNonNull(expiration, "expiration");
  }

  @Override
  public String getAccessKeyId() {
    return accessKeyId;
  }

  @Override
  public String getAccessKeySecret() {
    return accessKeySecret;
  }

  @Override
  public String getSecurityToken() {
    return securityToken;
  }

  @Override
  public String getProviderName() {
    return PROVIDER_NAME;
  }

  public Instant expiration() {
    return expiration;
  }

  @Override
  public String toString() {
    return "IssuedCredentials{accessKeyId=" + accessKeyId + ", expiration=" + expiration + "}";
  }
}
