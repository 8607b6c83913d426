package com.aliyun.odps.kafka.connect;

import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;

/**
 * A task's settings against a local MaxCompute: the connector configuration every test, benchmark
 * and fault run builds ({@link SinkConnectorConfig}), parsed as a task parses it.
 */
public final class LocalMaxComputeSettings {
  private LocalMaxComputeSettings() {
  }

  /** A connector reading topic "t" into {@code table} of {@code mc}, with the AccessKey pair. */
  public static SinkConnectorConfig config(LocalMaxCompute mc, String table) {
    return SinkConnectorConfig.pointingAt(mc).topics("t").table(table);
  }

  public static SinkSettings parse(SinkConnectorConfig config) {
    return new MaxComputeSinkConfig(config.build()).settings();
  }
}
