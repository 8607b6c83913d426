package dev.mcsink.localmc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local MaxCompute service: REST + Tunnel on one HTTP port, an STS endpoint beside it, rows in
 * an embedded DuckDB under the data directory. Start it with {@link #builder()}; close it to stop.
 */
public final class LocalMaxCompute implements AutoCloseable {
  public static final String DEFAULT_PROJECT = "project_name";
  public static final String DEFAULT_ACCESS_ID = "local-access-id";
  public static final String DEFAULT_ACCESS_KEY = "local-access-key";
  public static final int DEFAULT_PORT = 8080;

  private final ServiceSettings settings;
  private final LocalMaxComputeServer server;

  private LocalMaxCompute(ServiceSettings settings, java.time.Clock clock) {
    this.settings = settings;
    this.server = new LocalMaxComputeServer(settings, clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** ODPS endpoint, {@code http://127.0.0.1:PORT/api}. */
  public String endpoint() {
    return server.baseUrl() + "/api";
  }

  /** Tunnel endpoint; the same server (the SDK also finds it through {@code ?service}). */
  public String tunnelEndpoint() {
    return server.baseUrl();
  }

  /**
   * STS endpoint for AssumeRole as Alibaba's credentials library takes it: {@code 127.0.0.1:PORT}
   * (it always calls {@code https://<endpoint>/}); clients must trust {@link #trustStore()}.
   */
  public String stsEndpoint() {
    return settings.host() + ":" + port();
  }

  /**
   * PKCS12 trust store (password {@value dev.mcsink.localmc.tls.SelfSignedTls#PASSWORD}) holding the
   * service's self-signed certificate, for https clients.
   */
  public Path trustStore() {
    return server.tls().trustStore();
  }

  public int port() {
    return server.port();
  }

  public String accessId() {
    return settings.accounts().keySet().iterator().next();
  }

  public String accessKey() {
    return settings.accounts().values().iterator().next();
  }

  public List<String> projects() {
    return settings.projects();
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  /** Fault injection for reliability tests (also reachable over HTTP under /__admin/faults). */
  public dev.mcsink.localmc.faults.Faults faults() {
    return server.faults();
  }

  /** Per-table limits of the real service; switchable at run time for tests. */
  public dev.mcsink.localmc.limits.TableLimits limits() {
    return server.limits();
  }

  /**
   * Per-table counts of tunnel operations (upload sessions, blocks, commits, stream packs, rows);
   * also over HTTP under /__admin/activity.
   */
  public dev.mcsink.localmc.activity.TunnelActivity activity() {
    return server.activity();
  }

  /** Direct access to the storage, for tests and tools that check what landed. */
  public dev.mcsink.localmc.storage.Warehouse warehouse() {
    return server.warehouse();
  }

  /**
   * Runs a script of MaxCompute SQL statements (separated by ';', leading {@code set k=v;} accepted)
   * as a SQL task would, with {@code project}/{@code schema} as the defaults for unqualified names;
   * for tests and tools that create tables or check results without an SDK client.
   */
  public dev.mcsink.localmc.sql.SqlOutcome executeSql(String project, String schema, String script) {
    return server.sql().run(project, schema, script);
  }

  @Override
  public void close() {
    server.stop();
  }

  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private Path dataDir;
    private final List<String> projects = new ArrayList<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private Duration stsTokenLifetime = Duration.ofHours(1);
    private boolean enforceLimits = true;
    private String timeZone = "UTC";
    private java.time.Clock clock = java.time.Clock.systemUTC();

    /** Port to listen on; 0 picks a free one. Default 8080. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Where the data lives; required. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** A project to create at start (idempotent); default: {@value #DEFAULT_PROJECT}. */
    public Builder project(String project) {
      projects.add(project);
      return this;
    }

    /** An AccessKey pair to accept; default: {@value #DEFAULT_ACCESS_ID}/{@value #DEFAULT_ACCESS_KEY}. */
    public Builder account(String accessId, String accessKey) {
      accounts.put(accessId, accessKey);
      return this;
    }

    /**
     * Lifetime of issued STS tokens; a longer DurationSeconds is cut to it (like a role's maximum
     * session duration). Default 1 h; seconds allowed, so tests can watch tokens expire.
     */
    public Builder stsTokenLifetime(Duration lifetime) {
      this.stsTokenLifetime = lifetime;
      return this;
    }

    /** Enforce the real service's per-table limits (default true). */
    public Builder enforceLimits(boolean enforce) {
      this.enforceLimits = enforce;
      return this;
    }

    /** Zone in which DATETIME values print in SQL results (default UTC). */
    public Builder timeZone(String zone) {
      this.timeZone = zone;
      return this;
    }

    /**
     * The clock sessions and limits expire by (upsert session lifecycles, limit windows, STS
     * tokens); tests pass one they can move instead of waiting. Default: the system clock.
     */
    public Builder clock(java.time.Clock clock) {
      this.clock = clock;
      return this;
    }

    public LocalMaxCompute start() {
      if (dataDir == null) {
        throw new IllegalStateException("dataDir is required");
      }
      List<String> p = projects.isEmpty() ? List.of(DEFAULT_PROJECT) : projects;
      Map<String, String> a = accounts.isEmpty() ? Map.of(DEFAULT_ACCESS_ID, DEFAULT_ACCESS_KEY) : accounts;
      LocalMaxCompute service = new LocalMaxCompute(
          new ServiceSettings(host, port, dataDir, p, a, stsTokenLifetime, enforceLimits, timeZone), clock);
      service.server.start();
      return service;
    }
  }
}
