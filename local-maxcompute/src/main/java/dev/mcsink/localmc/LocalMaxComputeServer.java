package dev.mcsink.localmc;

import dev.mcsink.localmc.faults.AdminApi;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.AccessCheck;
import dev.mcsink.localmc.rest.HttpEntry;
import dev.mcsink.localmc.rest.Router;
import dev.mcsink.localmc.rest.StsEndpoint;
import dev.mcsink.localmc.storage.DuckDbWarehouse;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.tunnel.TunnelService;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Wires storage, accounts, tunnel and HTTP together, and owns their life cycle. */
final class LocalMaxComputeServer {
  private final LocalMaxCompute.Settings settings;
  private final Clock clock = Clock.systemUTC();
  private final Faults faults = new Faults();
  private final TableLimits limits;
  private Warehouse warehouse;
  private Server jetty;
  private ServerConnector connector;

  LocalMaxComputeServer(LocalMaxCompute.Settings settings) {
    this.settings = settings;
    this.limits = new TableLimits(settings.enforceLimits(), clock);
  }

  void start() {
    try {
      java.nio.file.Files.createDirectories(settings.dataDir());
      warehouse = DuckDbWarehouse.open(settings.dataDir(), ZoneId.of(settings.timeZone()));
      settings.projects().forEach(warehouse::ensureProject);
      Accounting accounting = new Accounting(settings, clock);
      Router router = new Router(warehouse, new TunnelService(warehouse, limits, clock), clock, settings.timeZone());
      HttpEntry entry = new HttpEntry(router, accounting.access(), accounting.sts(), faults, new AdminApi(faults, limits));
      QueuedThreadPool threads = new QueuedThreadPool(200, 8);
      threads.setName("local-maxcompute");
      jetty = new Server(threads);
      connector = new ServerConnector(jetty);
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      jetty.addConnector(connector);
      jetty.setHandler(entry);
      jetty.start();
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("Local MaxCompute could not start on " + settings.host() + ":"
          + settings.port() + ": " + e.getMessage(), e);
    }
  }

  void stop() {
    try {
      if (jetty != null) {
        jetty.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Local MaxCompute did not stop cleanly", e);
    } finally {
      jetty = null;
      if (warehouse != null) {
        warehouse.close();
        warehouse = null;
      }
    }
  }

  String baseUrl() {
    return "http://" + settings.host() + ":" + port();
  }

  int port() {
    return connector == null ? settings.port() : connector.getLocalPort();
  }

  Faults faults() {
    return faults;
  }

  TableLimits limits() {
    return limits;
  }

  Warehouse warehouse() {
    return warehouse;
  }

  /** Access checks and STS; replaced by the auth package's classes. */
  private record Accounting(AccessCheck access, StsEndpoint sts) {
    Accounting(LocalMaxCompute.Settings settings, Clock clock) {
      this(r -> { }, (m, p) -> dev.mcsink.localmc.rest.OdpsResponse.json(501, "{}"));
    }
  }
}
