package com.aliyun.odps.kafka.connect.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

/**
 * The task's own metrics registry, reported over JMX, for workers without plugin metrics (before
 * Kafka 4.1): MBean {@code kafka.connect.maxcompute:type=sink-task-metrics,connector=<name>,task=<index>},
 * named as Connect names its own {@code kafka.connect:type=sink-task-metrics,...}, in a domain of
 * its own so it never clashes with the worker's.
 */
final class OwnJmxMetrics implements MetricRegistry {
  static final String JMX_DOMAIN = "kafka.connect.maxcompute";
  static final String GROUP = "sink-task-metrics";

  private final Metrics metrics;
  private final Map<String, String> tags = new LinkedHashMap<>();

  OwnJmxMetrics(String connector, int task, Time time) {
    // The JMX domain is the metrics context's namespace.
    this.metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), time,
        new KafkaMetricsContext(JMX_DOMAIN));
    tags.put("connector", connector);
    tags.put("task", String.valueOf(task));
  }

  @Override
  public MetricName name(String name, String description, Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(tags);
    all.putAll(more);
    return metrics.metricName(name, GROUP, description, all);
  }

  @Override
  public void add(MetricName name, MetricValueProvider<?> value) {
    metrics.addMetric(name, value);
  }

  @Override
  public Sensor sensor(String name) {
    return metrics.sensor(name);
  }

  @Override
  public String mbeanName() {
    return JMX_DOMAIN + ":type=" + GROUP + ",connector=" + tags.get("connector") + ",task=" + tags.get("task");
  }

  /** Unregisters the MBean. */
  @Override
  public void close() {
    metrics.close();
  }
}
