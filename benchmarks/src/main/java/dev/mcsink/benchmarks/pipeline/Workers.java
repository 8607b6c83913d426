package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.stack.ConnectWorker;
import dev.mcsink.stack.StackJars;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the Connect workers of a run, each fresh and all alike (heap, JVM options, offset flush
 * interval, converters as the connector is given them), so that a connector's figures and the floor's
 * differ only by the plugin.
 */
final class Workers {
  private final StackJars jars;
  private final String bootstrapServers;
  private final Settings settings;

  /** The worker's heap and offset flush interval, the same for every worker of the run. */
  record Settings(String heap, List<String> jvmOptions, long offsetFlushMs, Duration timeout) {
  }

  Workers(StackJars jars, String bootstrapServers, Settings settings) {
    this.jars = jars;
    this.bootstrapServers = bootstrapServers;
    this.settings = settings;
  }

  /** A worker named {@code name} (its group and internal topics), logging into {@code dir/name}. */
  ConnectWorker start(Path dir, String name, Path pluginPath) throws IOException, InterruptedException {
    return ConnectWorker.start(jars, dir.resolve(name), name, bootstrapServers, pluginPath, settings.heap(),
        settings.jvmOptions(), settings.offsetFlushMs());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** How long one drain may take before the run gives up. */
  Duration timeout() {
    return settings.timeout();
  }
}
