package com.aliyun.odps.kafka.connect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The connector's version, read from the {@code pom.properties} Maven writes into the jar, so it
 * never drifts from the build. Outside a jar (tests on {@code target/classes}) it is "unknown".
 */
public final class Version {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.mcsink/kafka-connect-maxcompute/pom.properties";
  private static final String VERSION = load();

  private Version() {
  }

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown").trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
