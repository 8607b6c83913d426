package com.aliyun.odps.kafka.connect.config;

import java.util.Objects;

/** Something wrong with the configuration, attached to the key the user should change. */
public final class ConfigProblem {
  private final String key;
  private final String message;

  public ConfigProblem(String key, String message) {
    this.key = Objects.requireNonNull(key, "key");
    this.message = Objects.requireNonNull(message, "message");
  }

  public String key() {
    return key;
  }

  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConfigProblem)) {
      return false;
    }
    ConfigProblem other = (ConfigProblem) o;
    return key.equals(other.key) && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, message);
  }

  @Override
  public String toString() {
    return key + ": " + message;
  }
}
