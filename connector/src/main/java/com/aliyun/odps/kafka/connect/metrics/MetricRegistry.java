package com.aliyun.odps.kafka.connect.metrics;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Sensor;

/**
 * Where one task's metrics are registered: the worker's plugin metrics ({@link WorkerPluginMetrics},
 * KIP-877) or a JMX registry of the task's own ({@link OwnJmxMetrics}) on workers without them. Both
 * give every metric the task's tags (connector, task); they differ only in the MBean name.
 */
interface MetricRegistry extends AutoCloseable {
  /** The name of a metric of this task. */
  default MetricName name(String name, String description) {
    return name(name, description, Map.of());
  }

  /** The name of a metric of this task with more tags than the task's (e.g. a table's). */
  MetricName name(String name, String description, Map<String, String> tags);

  /** Registers a metric read when asked (a gauge). */
  void add(MetricName name, MetricValueProvider<?> value);

  /** A new sensor of this task, {@code name} made unique in the registry it lives in. */
  Sensor sensor(String name);

  /** The MBean the metrics appear under, for the task's log. */
  String mbeanName();

  /** Removes every metric and sensor of this task. */
  @Override
  void close();
}
