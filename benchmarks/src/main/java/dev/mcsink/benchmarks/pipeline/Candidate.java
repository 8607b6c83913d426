package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.localmc.sink.SinkConnectorConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * A connector measured by the harness: this project's plugin or any other MaxCompute sink plugin
 * taking the same configuration keys.
 *
 * @param label how reports name it
 * @param pluginPath the worker's plugin.path
 * @param connectorClass its connector.class
 * @param overrides settings given with --set, applied over the harness's own
 */
record Candidate(String label, Path pluginPath, String connectorClass, Map<String, String> overrides) {
  static final String THIS_CONNECTOR_CLASS = SinkConnectorConfig.CONNECTOR_CLASS;
}
