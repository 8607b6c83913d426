package com.aliyun.odps.kafka.connect.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * A properties file behind the worker's {@link FileConfigProvider}: connector configurations name
 * its entries as {@code ${file:PATH:KEY}}, which Connect resolves each time it starts the connector
 * or a task, and shows unresolved in its REST answers. A test may change an entry under a running
 * connector, as an operator rotating a key would.
 */
final class ProviderFile {
  /** Worker settings that install the provider under the name {@code file}. */
  static final Map<String, String> WORKER_PROPS = Map.of(
      "config.providers", "file",
      "config.providers.file.class", FileConfigProvider.class.getName());

  private final Path path;
  private final Properties entries = new Properties();

  ProviderFile(Path path) {
    this.path = path;
  }

  /** The placeholder of {@code key} for a connector configuration. */
  String ref(String key) {
    return "${file:" + path + ":" + key + "}";
  }

  /** Sets (or changes) an entry; the file is replaced in one step, never seen half written. */
  synchronized ProviderFile put(String key, String value) throws IOException {
    entries.setProperty(key, value);
    Path next = path.resolveSibling(path.getFileName() + ".next");
    try (OutputStream out = Files.newOutputStream(next)) {
      entries.store(out, null);
    }
    Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return this;
  }
}
