package com.aliyun.odps.kafka.connect.config;

import java.util.Objects;

/**
 * The trust store given for the service's https endpoints ({@code ssl_truststore_*}): its path on
 * the worker, its key store type and its password. Immutable; {@link #toString()} never shows the
 * password's value (only whether one is set).
 */
public final class TrustStoreFile {
  public static final String DEFAULT_TYPE = "PKCS12";
  /** No trust store: the JVM's default trust. */
  public static final TrustStoreFile NONE = new TrustStoreFile("", "", DEFAULT_TYPE);

  private final String location;
  private final String password;
  private final String type;

  public TrustStoreFile(String location, String password, String type) {
    this.location = Objects.requireNonNull(location, "location").trim();
    this.password = password == null ? "" : password;
    this.type = Objects.requireNonNull(type, "type").trim();
  }

  public boolean isConfigured() {
    return !location.isEmpty();
  }

  public String location() {
    return location;
  }

  /** The secret; empty when none was given (the store is then read without an integrity check). */
  public String password() {
    return password;
  }

  public String type() {
    return type;
  }

  @Override
  public String toString() {
    return isConfigured()
        ? "TrustStoreFile{location=" + location + ", type=" + type + ", password=" + SinkSettings.masked(password) + "}"
        : "TrustStoreFile{none}";
  }
}
