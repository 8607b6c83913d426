package com.aliyun.odps.kafka.connect.tls;

import org.apache.kafka.common.config.ConfigException;

/**
 * The configured trust store cannot be used: missing, unreadable, wrong password, wrong type or
 * without certificates. Names the key to change; the message never holds the password.
 */
public class UnusableTrustStoreException extends ConfigException {
  private final String configKey;

  public UnusableTrustStoreException(String configKey, String message) {
    super(message);
    this.configKey = configKey;
  }

  /** {@code ssl_truststore_location}, {@code ssl_truststore_password} or {@code ssl_truststore_type}. */
  public String configKey() {
    return configKey;
  }
}
