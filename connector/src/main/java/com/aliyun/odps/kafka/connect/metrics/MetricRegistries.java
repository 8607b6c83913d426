package com.aliyun.odps.kafka.connect.metrics;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where a task registers its metrics: the worker's plugin metrics when it has them, else JMX of its own. */
final class MetricRegistries {
  private static final Logger log = LoggerFactory.getLogger(MetricRegistries.class);

  private MetricRegistries() {
  }

  static MetricRegistry forTask(SinkTaskContext context, String connector, int task) {
    MetricRegistry registry = workerPluginMetrics(context, connector, task);
    if (registry == null) {
      registry = new OwnJmxMetrics(connector, task, Time.SYSTEM);
    }
    log.info("Task metrics of {} task {}: MBean {}", connector, task, registry.mbeanName());
    return registry;
  }

  /** Null on a worker before KIP-877, when the worker gives no plugin metrics, and for a task never initialized. */
  private static MetricRegistry workerPluginMetrics(SinkTaskContext context, String connector, int task) {
    if (context == null) {
      return null;
    }
    try {
      return WorkerPluginMetrics.of(context, connector, task);
    } catch (LinkageError olderWorker) {
      // Its SinkTaskContext lacks pluginMetrics() (NoSuchMethodError, AbstractMethodError), or its
      // kafka-clients lacks PluginMetrics (NoClassDefFoundError): all are LinkageErrors.
      return null;
    }
  }
}
