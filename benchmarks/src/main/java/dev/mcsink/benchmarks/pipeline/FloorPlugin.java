package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.benchmarks.pipeline.floor.DiscardingSinkConnector;
import dev.mcsink.benchmarks.pipeline.floor.DiscardingSinkTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The floor's plugin, written at run time into the work directory: a directory for a worker's
 * plugin.path holding one jar with the discarding sink's two classes (copied from this module's own
 * class path) and the service manifest that {@code plugin.discovery=service_load} reads. The worker
 * loads it in its own plugin class loader, as it loads the connectors measured.
 */
final class FloorPlugin {
  static final String CONNECTOR_CLASS = DiscardingSinkConnector.class.getName();
  static final String SERVICE_MANIFEST = "META-INF/services/" + SinkConnector.class.getName();
  private static final List<Class<?>> CLASSES = List.of(DiscardingSinkConnector.class, DiscardingSinkTask.class);

  private FloorPlugin() {
  }

  /** Writes {@code pluginPath/discarding-sink/discarding-sink.jar}; returns the jar. */
  static Path write(Path pluginPath) throws IOException {
    Path jar = pluginPath.resolve("discarding-sink").resolve("discarding-sink.jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Class<?> type : CLASSES) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
          if (bytes == null) {
            throw new IOException(entry + " is not on the class path");
          }
          bytes.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICE_MANIFEST));
      out.write((CONNECTOR_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
