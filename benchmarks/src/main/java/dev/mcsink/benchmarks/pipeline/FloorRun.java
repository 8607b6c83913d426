package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.stack.ConnectWorker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures the Connect floor on one data set: the discarding sink ({@link FloorPlugin}) in a fresh
 * worker like the connectors' (same heap, worker configuration and converters), warmed up the same
 * way. With no table to judge by, its drain is over when the sink task's consumer group
 * ({@code connect-<connector name>}) has committed offsets up to the end of the topic.
 *
 * @param pluginPath the plugin.path holding the floor's plugin (written by {@link FloorPlugin#write})
 */
record FloorRun(Workers workers, Path pluginPath) {
  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  /** @param warmup drained first by the same worker, unmeasured; null for none */
  FloorResult measure(DataSet data, DataSet warmup, String runName, Path dir) throws Exception {
    try (ConnectWorker connect = workers.start(dir, runName, pluginPath);
        WorkerProbe probe = new WorkerProbe(connect.pid(), connect.jmxPort());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, workers.bootstrapServers()))) {
      if (warmup != null) {
        drain(connect, null, admin, warmup, runName + "_warmup");
      }
      return drain(connect, probe, admin, data, runName);
    }
  }

  private FloorResult drain(ConnectWorker connect, WorkerProbe probe, Admin admin, DataSet data, String name)
      throws Exception {
    WorkerSpan span = DrainWatch.run(connect, probe, FloorResult.LABEL, name, connectorConfig(data), data.records(),
        () -> committedRecords(admin, name, data.topic()), workers.timeout());
    long committed = committedRecords(admin, name, data.topic());
    connect.deleteConnector(name);
    return new FloorResult(committed, span);
  }

  /** The converters are the ones the connector measured on the same data set is given. */
  private static Map<String, String> connectorConfig(DataSet data) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", FloorPlugin.CONNECTOR_CLASS);
    config.put("tasks.max", "1");
    config.put("topics", data.topic());
    config.put("key.converter", data.format().converter());
    config.put("value.converter", data.format().converter());
    return config;
  }

  /**
   * The group's committed offsets on the topic, summed: the records it has taken and committed, as
   * the data set's topics start at offset 0.
   */
  private static long committedRecords(Admin admin, String connector, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("connect-" + connector)
        .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    long committed = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> partition : offsets.entrySet()) {
      if (partition.getKey().topic().equals(topic) && partition.getValue() != null) {
        committed += partition.getValue().offset();
      }
    }
    return committed;
  }
}
