package dev.mcsink.conformance;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.LocalMaxCompute;

/**
 * Builds official-SDK clients pointed at a local MaxCompute. This is the only place the suite
 * touches the server object: it reads the endpoint and the credentials, nothing else.
 */
final class SdkClients {
  private SdkClients() {
  }

  /** A client with the service's first AccessKey and its first project as default project. */
  static Odps odps(LocalMaxCompute mc) {
    return odps(mc, mc.accessId(), mc.accessKey(), mc.projects().get(0));
  }

  static Odps odps(LocalMaxCompute mc, String accessId, String accessKey, String defaultProject) {
    Odps odps = new Odps(new AliyunAccount(accessId, accessKey));
    odps.setEndpoint(mc.endpoint());
    odps.setDefaultProject(defaultProject);
    return odps;
  }

  /** A tunnel client that finds its endpoint the way production code does: {@code GET /projects/{p}/tunnel?service}. */
  static TableTunnel tunnel(Odps odps) {
    return new TableTunnel(odps);
  }

  /** A tunnel client with an explicit endpoint (no discovery request). */
  static TableTunnel tunnel(Odps odps, LocalMaxCompute mc) {
    TableTunnel tunnel = new TableTunnel(odps);
    tunnel.setEndpoint(mc.tunnelEndpoint());
    return tunnel;
  }

  /** The SDK version under test, as set by the surefire configuration of the module. */
  static String sdkVersion() {
    return System.getProperty("conformance.sdk.version", "unknown");
  }
}
