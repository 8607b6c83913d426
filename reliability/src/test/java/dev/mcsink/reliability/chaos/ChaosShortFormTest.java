package dev.mcsink.reliability.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * bin/chaos --short, every scenario on both write paths, with the packaged plugin in real broker and
 * worker processes: nothing missing anywhere, bad records routed where configured, and the task
 * stopped, naming the record, where no route was configured.
 */
class ChaosShortFormTest {
  @Test
  void everyScenarioOnBothPathsLosesNothing(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("chaos.json");

    int exit = new CommandLine(new Chaos()).execute("--short", "--json", json.toString(),
        "--work-dir", dir.resolve("work").toString(),
        "--this-plugin-path", System.getProperty("plugin.path"),
        "--stack-classpath-file", System.getProperty("stack.classpath.file"),
        "--log4j-config", System.getProperty("stack.log4j.config"));

    JsonNode results = new ObjectMapper().readTree(json.toFile());
    assertThat(results.size()).as("scenario runs").isEqualTo(2 * Chaos.catalogue(true).size());
    for (JsonNode run : results) {
      String name = run.path("scenario").asText() + " (" + run.path("path").asText() + ")";
      assertThat(run.path("problem").isNull()).as("%s: %s", name, run.path("problem").asText()).isTrue();
      assertThat(run.path("missing").asLong()).as(name + " missing").isZero();
      assertThat(run.path("expected").asLong()).as(name + " expected").isPositive();
      assertThat(run.path("landed").asLong() + run.path("routed").asLong()).as(name + " landed + routed")
          .isEqualTo(run.path("expected").asLong());
      if (run.path("scenario").asText().startsWith("poison")) {
        assertThat(run.path("routed").asLong()).as(name + " routed").isPositive();
      }
      if (run.path("scenario").asText().equals("poison-stop")) {
        assertThat(run.path("stop").asText()).as(name + " stop").contains("chaos_poison_stop").contains("offset");
      }
    }
    assertThat(exit).isZero();
  }
}
