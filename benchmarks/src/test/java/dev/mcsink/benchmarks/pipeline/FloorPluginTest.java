package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.benchmarks.pipeline.floor.DiscardingSinkConnector;
import dev.mcsink.benchmarks.pipeline.floor.DiscardingSinkTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorPluginTest {
  @Test
  void writesAJarOfTheDiscardingSinkAndItsServiceManifestIntoAPluginDirectoryOfItsOwn(@TempDir Path dir)
      throws Exception {
    Path jar = FloorPlugin.write(dir.resolve("floor-plugin"));

    assertThat(jar).isEqualTo(dir.resolve("floor-plugin").resolve("discarding-sink").resolve("discarding-sink.jar"));
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
      assertThat(entries).containsExactlyInAnyOrder("META-INF/MANIFEST.MF",
          "dev/mcsink/benchmarks/pipeline/floor/DiscardingSinkConnector.class",
          "dev/mcsink/benchmarks/pipeline/floor/DiscardingSinkTask.class",
          "META-INF/services/org.apache.kafka.connect.sink.SinkConnector");
      String services = new String(file.getInputStream(file.getEntry(FloorPlugin.SERVICE_MANIFEST)).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(services.trim()).isEqualTo(DiscardingSinkConnector.class.getName());
    }
  }

  @Test
  void theConnectorHandsEachTaskItsSettings() {
    DiscardingSinkConnector connector = new DiscardingSinkConnector();
    connector.start(java.util.Map.of("topics", "t"));

    assertThat(connector.taskClass()).isEqualTo(DiscardingSinkTask.class);
    assertThat(connector.taskConfigs(2)).containsExactly(java.util.Map.of("topics", "t"),
        java.util.Map.of("topics", "t"));
  }
}
