package com.aliyun.odps.kafka.connect.errors;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A task context that only answers {@link #errantRecordReporter()} and {@link #pluginMetrics()}, as the router and the task's metrics need. */
public final class FakeSinkTaskContext implements SinkTaskContext {
  private final ErrantRecordReporter reporter;
  private final boolean olderWorker;
  private final Map<String, String> configs;
  private PluginMetrics pluginMetrics;
  private boolean beforePluginMetrics;

  private FakeSinkTaskContext(ErrantRecordReporter reporter, boolean olderWorker, Map<String, String> configs) {
    this.reporter = reporter;
    this.olderWorker = olderWorker;
    this.beforePluginMetrics = olderWorker;
    this.configs = configs;
  }

  private FakeSinkTaskContext(ErrantRecordReporter reporter, boolean olderWorker) {
    this(reporter, olderWorker, Map.of());
  }

  /** No reporter, as Connect gives none without a dead-letter queue or error log, but these task configs. */
  static FakeSinkTaskContext withConfigs(Map<String, String> configs) {
    return new FakeSinkTaskContext(null, false, configs);
  }

  public static FakeSinkTaskContext withoutReporter() {
    return new FakeSinkTaskContext(null, false);
  }

  static FakeSinkTaskContext withReporter(ErrantRecordReporter reporter) {
    return new FakeSinkTaskContext(reporter, false);
  }

  /** A worker older than Kafka 2.6, whose context lacks the method. */
  static FakeSinkTaskContext ofOlderWorker() {
    return new FakeSinkTaskContext(null, true);
  }

  /** A Kafka 4.1 worker: its plugin metrics for the task (KIP-877). */
  public static FakeSinkTaskContext withPluginMetrics(PluginMetrics pluginMetrics) {
    FakeSinkTaskContext context = withoutReporter();
    context.pluginMetrics = pluginMetrics;
    return context;
  }

  /** A worker older than Kafka 4.1 (and newer than 2.6), whose context lacks {@link #pluginMetrics()}. */
  public static FakeSinkTaskContext beforePluginMetrics() {
    FakeSinkTaskContext context = withoutReporter();
    context.beforePluginMetrics = true;
    return context;
  }

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    if (olderWorker) {
      throw new NoSuchMethodError("org.apache.kafka.connect.sink.SinkTaskContext.errantRecordReporter()");
    }
    return reporter;
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
  }

  @Override
  public void offset(TopicPartition tp, long offset) {
  }

  @Override
  public void timeout(long timeoutMs) {
  }

  @Override
  public Set<TopicPartition> assignment() {
    return Set.of();
  }

  @Override
  public void pause(TopicPartition... partitions) {
  }

  @Override
  public void resume(TopicPartition... partitions) {
  }

  @Override
  public void requestCommit() {
  }

  @Override
  public PluginMetrics pluginMetrics() {
    if (beforePluginMetrics) {
      throw new NoSuchMethodError("org.apache.kafka.connect.sink.SinkTaskContext.pluginMetrics()");
    }
    return pluginMetrics;
  }
}
