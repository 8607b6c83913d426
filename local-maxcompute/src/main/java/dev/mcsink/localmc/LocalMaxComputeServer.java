package dev.mcsink.localmc;

import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.admin.AdminApi;
import dev.mcsink.localmc.auth.Accounts;
import dev.mcsink.localmc.auth.AuthResult;
import dev.mcsink.localmc.auth.RequestAuthenticator;
import dev.mcsink.localmc.auth.SignedRequest;
import dev.mcsink.localmc.auth.StsResponse;
import dev.mcsink.localmc.auth.StsService;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.AccessCheck;
import dev.mcsink.localmc.rest.HttpEntry;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.Router;
import dev.mcsink.localmc.rest.TunnelRoutes;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.StsEndpoint;
import dev.mcsink.localmc.sql.MaxComputeSqlRunner;
import dev.mcsink.localmc.storage.DuckDbWarehouse;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.tls.SelfSignedTls;
import dev.mcsink.localmc.tunnel.DownloadSessions;
import dev.mcsink.localmc.tunnel.InstanceDownloads;
import dev.mcsink.localmc.tunnel.StreamSessions;
import dev.mcsink.localmc.tunnel.UploadSessions;
import dev.mcsink.localmc.tunnel.UpsertSessions;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Wires storage, SQL, accounts, tunnel and HTTP together, and owns their life cycle. Each layer is
 * built here and handed to the one above it, so that no package has to build what sits above it.
 */
final class LocalMaxComputeServer {
  private final ServiceSettings settings;
  private final Clock clock;
  private final Faults faults = new Faults();
  private final TableLimits limits;
  private final TunnelActivity activity = new TunnelActivity();
  private DuckDbWarehouse warehouse;
  private MaxComputeSqlRunner sql;
  private Server jetty;
  private ServerConnector connector;
  private SelfSignedTls tls;

  LocalMaxComputeServer(ServiceSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.limits = new TableLimits(settings.enforceLimits(), clock);
  }

  void start() {
    try {
      java.nio.file.Files.createDirectories(settings.dataDir());
      warehouse = DuckDbWarehouse.open(settings.dataDir());
      settings.projects().forEach(warehouse::ensureProject);
      sql = new MaxComputeSqlRunner(warehouse, warehouse.queries(), ZoneId.of(settings.timeZone()));
      Accounting accounting = Accounting.of(settings, clock);
      tls = SelfSignedTls.in(settings.dataDir().resolve("tls"));
      Router router = new Router(warehouse, sql, clock, settings.timeZone(), new TunnelRoutes(
          new UploadSessions(warehouse, limits, activity, clock), new StreamSessions(warehouse, activity),
          new DownloadSessions(warehouse), new UpsertSessions(warehouse, limits, clock), new InstanceDownloads()));
      HttpEntry entry = new HttpEntry(router, accounting.access(), accounting.sts(), faults, new AdminApi(faults, limits, activity));
      QueuedThreadPool threads = new QueuedThreadPool(200, 8);
      threads.setName("local-maxcompute");
      jetty = new Server(threads);
      connector = plainAndTlsConnector(jetty, tls);
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

  /**
   * One port for http and https: Jetty detects a TLS hello and otherwise speaks plain HTTP, so STS
   * (https only in Alibaba's credentials library) and the SDK (http) share the endpoint.
   */
  private static ServerConnector plainAndTlsConnector(Server jetty, SelfSignedTls tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keyStore().toString());
    ssl.setKeyStorePassword(SelfSignedTls.PASSWORD);
    ssl.setKeyStoreType("PKCS12");
    HttpConfiguration httpConfig = new HttpConfiguration();
    httpConfig.setSendServerVersion(false);
    httpConfig.setSendDateHeader(true);
    HttpConnectionFactory http = new HttpConnectionFactory(httpConfig);
    SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, http.getProtocol());
    DetectorConnectionFactory detector = new DetectorConnectionFactory(tlsFactory);
    return new ServerConnector(jetty, detector, http);
  }

  SelfSignedTls tls() {
    return tls;
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

  TunnelActivity activity() {
    return activity;
  }

  Warehouse warehouse() {
    return warehouse;
  }

  MaxComputeSqlRunner sql() {
    return sql;
  }

  /** Signature checks and STS share one set of accounts, so issued tokens authenticate requests. */
  private record Accounting(AccessCheck access, StsEndpoint sts) {
    static Accounting of(ServiceSettings settings, Clock clock) {
      Accounts accounts = new Accounts(settings.accounts(), clock);
      RequestAuthenticator authenticator = new RequestAuthenticator(accounts);
      StsService stsService = new StsService(accounts, settings.stsTokenLifetime());
      AccessCheck access = r -> {
        AuthResult result = authenticator.authenticate(new SignedRequest(r.method(), r.path(), r.params(), r.headers()));
        if (result instanceof AuthResult.Denied denied) {
          throw new ServiceException(denied.httpStatus(), denied.errorCode(), denied.message());
        }
      };
      StsEndpoint sts = (method, params) -> {
        StsResponse answer = stsService.handle(method, params);
        return OdpsResponse.of(answer.status(), answer.contentType(), answer.body());
      };
      return new Accounting(access, sts);
    }
  }
}
