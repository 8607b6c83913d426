package dev.mcsink.localmc;

import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.storage.Warehouse;

/** Wires the HTTP server, storage, accounts and tunnel sessions together. (Work in progress.) */
final class LocalMaxComputeServer {
  private final LocalMaxCompute.Settings settings;

  LocalMaxComputeServer(LocalMaxCompute.Settings settings) {
    this.settings = settings;
  }

  void start() {
    throw new UnsupportedOperationException("not yet");
  }

  void stop() {}

  String baseUrl() {
    return "http://" + settings.host() + ":" + port();
  }

  int port() {
    return settings.port();
  }

  Faults faults() {
    return null;
  }

  TableLimits limits() {
    return null;
  }

  Warehouse warehouse() {
    return null;
  }
}
