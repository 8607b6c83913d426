package dev.mcsink.benchmarks.pipeline.floor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The Connect floor: a sink that discards every record, so that what a worker running it spends per
 * record is what Kafka Connect itself costs (consumer, converters, offset commits). bin/bench packages
 * it into a plugin directory of its own at run time ({@code FloorPlugin}); Kafka 4.1's runtime jar no
 * longer ships a MockSinkConnector.
 */
public final class DiscardingSinkConnector extends SinkConnector {
  private Map<String, String> settings = Map.of();

  @Override
  public String version() {
    return DiscardingSinkTask.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    settings = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DiscardingSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      configs.add(settings);
    }
    return configs;
  }

  @Override
  public void stop() {
    // Nothing was started.
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }
}
