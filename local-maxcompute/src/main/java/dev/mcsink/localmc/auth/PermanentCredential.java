package dev.mcsink.localmc.auth;

import java.util.Objects;

/** A configured AccessKey pair; never expires. */
public record PermanentCredential(String accessId, String secret) implements Credential {
  public PermanentCredential {
    Objects.requireNonNull(accessId, "accessId");
    Objects.requireNonNull(secret, "secret");
  }

  /** Keeps the secret out of logs and assertion messages. */
  @Override
  public String toString() {
    return "PermanentCredential[accessId=" + accessId + "]";
  }
}
