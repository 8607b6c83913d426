package com.aliyun.odps.kafka.connect.auth;

import java.io.IOException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Credentials could not be obtained. Says which configuration key the user should look at and
 * whether trying again may help. A transient failure (STS unreachable, 5xx, throttled) carries an
 * {@link IOException} cause, so that the write path, which sorts failures by their causes, keeps
 * its rows and retries instead of failing the task. The message never holds the access key.
 */
public class CredentialsUnavailableException extends ConnectException {
  private final String configKey;
  private final boolean isTransient;

  public CredentialsUnavailableException(String message, String configKey, boolean isTransient) {
    super(message, isTransient ? new IOException(message) : null);
    this.configKey = configKey;
    this.isTransient = isTransient;
  }

  /** The configuration key most likely wrong (access_id, role_name, sts.endpoint, account_type). */
  public String configKey() {
    return configKey;
  }

  public boolean isTransient() {
    return isTransient;
  }
}
