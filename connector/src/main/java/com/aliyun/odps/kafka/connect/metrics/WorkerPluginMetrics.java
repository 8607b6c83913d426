package com.aliyun.odps.kafka.connect.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The worker's plugin metrics (KIP-877, Kafka 4.1 workers): the worker tags each metric with the
 * connector and task and reports it with its own metrics, so over JMX they appear as
 * {@code kafka.connect:type=plugins,connector=<name>,task=<index>}, and through any other
 * {@code metric.reporters} the worker has.
 *
 * <p>This is the only class that names {@link PluginMetrics}, so that the connector still loads in
 * workers whose Kafka lacks it ({@link MetricRegistries}).
 */
final class WorkerPluginMetrics implements MetricRegistry {
  private final PluginMetrics plugin;
  /** The worker's sensors are shared by all its plugins: ours carry the task in their names. */
  private final String sensorPrefix;
  /** Removed on close: a task that opens its writer again registers the same names again. */
  private final List<MetricName> metrics = new ArrayList<>();
  private final List<String> sensors = new ArrayList<>();
  private final String mbeanName;

  private WorkerPluginMetrics(PluginMetrics plugin, String connector, int task) {
    this.plugin = plugin;
    this.sensorPrefix = "maxcompute-sink:" + connector + ":" + task + ":";
    this.mbeanName = "kafka.connect:type=plugins,connector=" + connector + ",task=" + task;
  }

  /**
   * The worker's plugin metrics for this task; null when it gives none.
   *
   * @throws LinkageError on a worker older than KIP-877 (no such method, or no such class)
   */
  static WorkerPluginMetrics of(SinkTaskContext context, String connector, int task) {
    PluginMetrics plugin = context.pluginMetrics();
    return plugin == null ? null : new WorkerPluginMetrics(plugin, connector, task);
  }

  @Override
  public MetricName name(String name, String description, Map<String, String> tags) {
    return plugin.metricName(name, description, new LinkedHashMap<>(tags));
  }

  @Override
  public void add(MetricName name, MetricValueProvider<?> value) {
    plugin.addMetric(name, value);
    metrics.add(name);
  }

  @Override
  public Sensor sensor(String name) {
    Sensor sensor = plugin.addSensor(sensorPrefix + name);
    sensors.add(sensorPrefix + name);
    return sensor;
  }

  @Override
  public String mbeanName() {
    return mbeanName;
  }

  @Override
  public void close() {
    // The worker removes them too when the task stops; this is for a writer closed before that.
    try {
      sensors.forEach(plugin::removeSensor);
      metrics.forEach(plugin::removeMetric);
    } catch (IllegalStateException workerClosedThemAlready) {
      // Nothing left to remove.
    }
    sensors.clear();
    metrics.clear();
  }
}
