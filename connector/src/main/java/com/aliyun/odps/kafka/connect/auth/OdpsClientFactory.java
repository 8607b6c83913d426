package com.aliyun.odps.kafka.connect.auth;

// placeholder: replaced at merge

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.tunnel.TableTunnel;

/** Placeholder: AccessKey accounts only; the real class comes from another branch. */
public final class OdpsClientFactory {
  private OdpsClientFactory() {
  }

  public static Odps odps(SinkSettings settings) {
    Odps odps = new Odps(new AliyunAccount(settings.accessId(), settings.accessKey()));
    odps.setEndpoint(settings.endpoint());
    odps.setDefaultProject(settings.project());
    return odps;
  }

  public static TableTunnel tunnel(Odps odps, SinkSettings settings) {
    TableTunnel tunnel = new TableTunnel(odps);
    if (!settings.tunnelEndpoint().isEmpty()) {
      tunnel.setEndpoint(settings.tunnelEndpoint());
    }
    return tunnel;
  }
}
