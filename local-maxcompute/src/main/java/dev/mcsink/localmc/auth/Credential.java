package dev.mcsink.localmc.auth;

/** An AccessKey pair the server accepts: either configured (permanent) or issued by STS (temporary). */
public sealed interface Credential permits PermanentCredential, TemporaryCredential {
  String accessId();

  String secret();
}
