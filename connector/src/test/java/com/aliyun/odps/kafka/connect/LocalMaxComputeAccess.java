package com.aliyun.odps.kafka.connect;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;

/**
 * How tests reach a local MaxCompute: a task's settings (the connector configuration every test,
 * benchmark and fault run builds, {@link SinkConnectorConfig}, parsed as a task parses it), and an
 * SDK client to look at what landed.
 */
public final class LocalMaxComputeAccess {
  private LocalMaxComputeAccess() {
  }

  /** An SDK client of {@code mc}'s default project, with its AccessKey pair, over plain http. */
  public static Odps client(LocalMaxCompute mc) {
    Odps odps = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
    odps.setEndpoint(mc.endpoint());
    odps.setDefaultProject(LocalMaxCompute.DEFAULT_PROJECT);
    return odps;
  }

  /** A connector reading topic "t" into {@code table} of {@code mc}, with the AccessKey pair. */
  public static SinkConnectorConfig config(LocalMaxCompute mc, String table) {
    return SinkConnectorConfig.pointingAt(mc).topics("t").table(table);
  }

  public static SinkSettings parse(SinkConnectorConfig config) {
    return new MaxComputeSinkConfig(config.build()).settings();
  }
}
