package com.aliyun.odps.kafka.connect;

import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.validation.LiveCheck;
import com.aliyun.odps.kafka.connect.validation.LiveValidation;
import com.aliyun.odps.kafka.connect.validation.TableCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect sink for MaxCompute. The class name is what existing connector JSON names in
 * {@code connector.class}; keep it. Thin: parses the configuration, hands it to the tasks, and
 * validates it (per key, across keys, then against the service).
 */
public class MaxComputeSinkConnector extends SinkConnector {
  private static final Logger LOG = LoggerFactory.getLogger(MaxComputeSinkConnector.class);

  private final LiveCheck liveCheck;
  private Map<String, String> props;

  public MaxComputeSinkConnector() {
    this(new TableCheck());
  }

  /** For tests that validate without a service. */
  MaxComputeSinkConnector(LiveCheck liveCheck) {
    this.liveCheck = liveCheck;
  }

  @Override
  public void start(Map<String, String> props) {
    // Fails with a ConfigException naming the key; the parsed config itself is the tasks' business.
    MaxComputeSinkConfig config = new MaxComputeSinkConfig(props);
    LOG.info("MaxCompute sink connector started: {}", config.settings());
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return MaxComputeSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> config = new HashMap<>(props);
      // Each task's own partition of the exactly-once offsets state table; harmless otherwise.
      config.put(MaxComputeSinkConfig.TASK_INDEX, String.valueOf(i));
      configs.add(config);
    }
    return configs;
  }

  @Override
  public void stop() {
    // Nothing held: tasks own every client.
  }

  @Override
  public ConfigDef config() {
    return MaxComputeSinkConfig.CONFIG_DEF;
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    return new LiveValidation(liveCheck).complete(connectorConfigs, super.validate(connectorConfigs));
  }

  @Override
  public String version() {
    return Version.get();
  }
}
