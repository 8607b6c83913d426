package dev.mcsink.localmc.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential issued by AssumeRole: usable only together with its security token (the SDK's
 * StsAccount sends it as header {@code authorization-sts-token}) and only until {@code expiration}.
 */
public record TemporaryCredential(
    String accessId,
    String secret,
    String securityToken,
    Instant expiration,
    String issuedTo,
    String roleArn)
    implements Credential {
  public TemporaryCredential {
    Objects.requireNonNull(accessId, "accessId");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(securityToken, "securityToken");
    Objects.requireNonNull(expiration, "expiration");
  }

  /** Expired from the expiration instant on (the instant itself is no longer valid). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiration);
  }

  /** Keeps the secret and token out of logs and assertion messages. */
  @Override
  public String toString() {
    return "TemporaryCredential[accessId=" + accessId + ", expiration=" + expiration
        + ", issuedTo=" + issuedTo + ", roleArn=" + roleArn + "]";
  }
}
