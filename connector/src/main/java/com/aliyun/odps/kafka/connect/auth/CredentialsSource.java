package com.aliyun.odps.kafka.connect.auth;

/** Where fresh temporary credentials come from: one call, one new token (no caching). */
public interface CredentialsSource extends AutoCloseable {
  /**
   * @throws CredentialsUnavailableException when no credentials could be obtained; its message
   *     never holds a secret
   */
  IssuedCredentials fetch();

  /** A text for logs and messages naming what is fetched (e.g. the role), without secrets. */
  String description();

  @Override
  default void close() {
  }
}
