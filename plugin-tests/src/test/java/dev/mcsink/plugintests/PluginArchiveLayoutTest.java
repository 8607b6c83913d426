package dev.mcsink.plugintests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the component archive holds, as Confluent Hub and a worker's plugin.path expect it. */
class PluginArchiveLayoutTest {

  @Test
  void manifestDescribesTheSinkComponentAtTheBuildVersion() throws Exception {
    Path manifest = InstalledPlugin.componentDirectory().resolve("manifest.json");

    JsonNode json = new ObjectMapper().readTree(Files.readString(manifest));

    assertThat(json.path("name").asText()).isEqualTo("kafka-connect-maxcompute");
    assertThat(json.path("version").asText()).isEqualTo(InstalledPlugin.expectedVersion());
    assertThat(json.path("owner").path("username").asText()).isEqualTo("mcsink");
    assertThat(json.path("title").asText()).isNotBlank();
    assertThat(json.path("description").asText()).isNotBlank();
    assertThat(json.path("component_types")).extracting(JsonNode::asText).containsExactly("sink");
    assertThat(json.path("license").isArray()).isTrue();
  }

  @Test
  void libHoldsTheConnectorJarAndItsMaxComputeClient() throws Exception {
    List<String> jars = InstalledPlugin.libraryJars();

    assertThat(jars).contains("kafka-connect-maxcompute-" + InstalledPlugin.expectedVersion() + ".jar");
    assertThat(jars).anyMatch(name -> name.startsWith("odps-sdk-core-"));
    assertThat(jars).allMatch(name -> name.endsWith(".jar"));
  }

  /**
   * The worker provides these; a second copy inside the plugin would load Connect's API types twice
   * (the worker's and the plugin's) and the worker could not use the connector.
   */
  @Test
  void libLeavesOutWhatTheWorkerProvides() throws Exception {
    List<String> jars = InstalledPlugin.libraryJars();

    assertThat(jars).noneMatch(name -> name.startsWith("kafka-clients")
        || name.startsWith("kafka_")
        || name.startsWith("connect-")
        || name.startsWith("slf4j-")
        || name.startsWith("log4j")
        || name.startsWith("reload4j")
        || name.startsWith("logback"));
  }
}
