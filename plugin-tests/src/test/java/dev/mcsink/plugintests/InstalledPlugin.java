package dev.mcsink.plugintests;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The component archive as the build unpacked it into {@code target/plugin-path} (the system
 * properties come from this module's pom): the directory a worker gets as {@code plugin.path}.
 */
final class InstalledPlugin {
  static final String CONNECTOR_CLASS = SinkConnectorConfig.CONNECTOR_CLASS;
  /** The archive's top directory: {@code <owner>-<name>}. */
  static final String COMPONENT_DIRECTORY = "mcsink-kafka-connect-maxcompute";

  private InstalledPlugin() {
  }

  /** The {@code plugin.path} entry. */
  static Path pluginPath() {
    String path = System.getProperty("plugin.path");
    if (path == null) {
      throw new IllegalStateException("system property plugin.path is not set: run through Maven");
    }
    return Path.of(path);
  }

  /** The version the build gave the connector. */
  static String expectedVersion() {
    return System.getProperty("plugin.version");
  }

  static Path componentDirectory() {
    return pluginPath().resolve(COMPONENT_DIRECTORY);
  }

  /** File names in {@code lib/}, sorted. */
  static List<String> libraryJars() throws IOException {
    try (Stream<Path> files = Files.list(componentDirectory().resolve("lib"))) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
