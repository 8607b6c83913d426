package dev.mcsink.localmc.rest;

import static dev.mcsink.localmc.faults.RouteNames.AUTHORIZATION;
import static dev.mcsink.localmc.faults.RouteNames.DOWNLOAD_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.DOWNLOAD_READ;
import static dev.mcsink.localmc.faults.RouteNames.FUNCTIONS;
import static dev.mcsink.localmc.faults.RouteNames.DOWNLOAD_RELOAD;
import static dev.mcsink.localmc.faults.RouteNames.INSTANCE_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.INSTANCE_DOWNLOAD_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.INSTANCE_DOWNLOAD_READ;
import static dev.mcsink.localmc.faults.RouteNames.INSTANCE_DOWNLOAD_RELOAD;
import static dev.mcsink.localmc.faults.RouteNames.INSTANCE_GET;
import static dev.mcsink.localmc.faults.RouteNames.LOGS;
import static dev.mcsink.localmc.faults.RouteNames.PROJECT;
import static dev.mcsink.localmc.faults.RouteNames.STREAM_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.STREAM_RELOAD;
import static dev.mcsink.localmc.faults.RouteNames.STREAM_WRITE;
import static dev.mcsink.localmc.faults.RouteNames.TABLE;
import static dev.mcsink.localmc.faults.RouteNames.TABLES;
import static dev.mcsink.localmc.faults.RouteNames.TENANT;
import static dev.mcsink.localmc.faults.RouteNames.TUNNEL_ENDPOINT;
import static dev.mcsink.localmc.faults.RouteNames.UNKNOWN;
import static dev.mcsink.localmc.faults.RouteNames.UPLOAD_BLOCK;
import static dev.mcsink.localmc.faults.RouteNames.UPLOAD_COMMIT;
import static dev.mcsink.localmc.faults.RouteNames.UPLOAD_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.UPLOAD_RELOAD;
import static dev.mcsink.localmc.faults.RouteNames.UPSERT_ABORT;
import static dev.mcsink.localmc.faults.RouteNames.UPSERT_COMMIT;
import static dev.mcsink.localmc.faults.RouteNames.UPSERT_CREATE;
import static dev.mcsink.localmc.faults.RouteNames.UPSERT_RELOAD;
import static dev.mcsink.localmc.faults.RouteNames.UPSERT_WRITE;

import dev.mcsink.localmc.sql.MaxComputeSqlRunner;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.TableId;
import java.time.Clock;
import java.util.List;

/**
 * Maps {@code /projects/{p}[/schemas/{s}]/…} requests to the REST and tunnel resources.
 * REST and tunnel share table paths; the query parameters tell them apart.
 */
public final class Router {
  private final ProjectResource projects;
  private final TableResource tables;
  private final TableListing tableListing;
  private final InstanceResource instances;
  private final AuthorizationResource authorization;
  private final TenantResource tenant;
  private final TunnelRoutes sessions;

  /** The tunnel's routes are given, not built: the tunnel package sits above this one. */
  public Router(Warehouse warehouse, MaxComputeSqlRunner sql, Clock clock, String sqlTimeZone, TunnelRoutes sessions) {
    this.projects = new ProjectResource(warehouse, sqlTimeZone);
    this.tables = new TableResource(warehouse);
    this.tableListing = new TableListing(warehouse);
    this.instances = new InstanceResource(sql, clock);
    this.authorization = new AuthorizationResource(clock);
    this.tenant = new TenantResource(clock);
    this.sessions = sessions;
  }

  /**
   * @param self this server as {@code host:port}, from the request's Host header, so answers that
   *     name the server (tunnel endpoint, stream slots, Location) work behind any address.
   */
  public Route route(OdpsRequest r, String self) {
    List<String> s = r.segments();
    String m = r.method();
    if (s.size() == 1 && s.get(0).equals("tenants") && m.equals("GET")) {
      return rest(TENANT, tenant::get);
    }
    if (s.size() < 2 || !s.get(0).equals("projects")) {
      return unknown(r);
    }
    String project = s.get(1);
    if (s.size() == 2 && m.equals("GET")) {
      return rest(PROJECT, () -> projects.get(project));
    }
    if (s.size() == 3 && s.get(2).equals("tunnel") && m.equals("GET")) {
      return rest(TUNNEL_ENDPOINT, () -> projects.tunnelService(project, self));
    }
    if (s.size() == 4 && s.get(2).equals("registration") && s.get(3).equals("functions") && m.equals("GET")) {
      return inProject(FUNCTIONS, project, ProjectResource::noFunctions);
    }
    if (s.size() == 3 && s.get(2).equals("logs")) {
      return rest(LOGS, () -> OdpsResponse.empty(200));
    }
    if (s.size() == 3 && s.get(2).equals("authorization") && m.equals("POST") && r.has("sign_bearer_token")) {
      return inProject(AUTHORIZATION, project, () -> authorization.signBearerToken(project, r));
    }
    if (s.size() == 3 && s.get(2).equals("instances") && m.equals("POST")) {
      return rest(INSTANCE_CREATE, () -> instances.create(project, r, "http://" + self + "/api"));
    }
    if (s.size() == 4 && s.get(2).equals("instances")) {
      return instance(project, s.get(3), r);
    }
    int at = 2;
    // REST table calls name the schema in ?curr_schema=, tunnel calls in a /schemas/{s} segment.
    String schema = r.param("curr_schema");
    if (project.equalsIgnoreCase(schema)) {
      // Two-tier clients (the JDBC driver) see catalog == schema == project and send the project as schema.
      schema = null;
    }
    if (s.size() > 3 && s.get(2).equals("schemas")) {
      schema = s.get(3);
      at = 4;
    }
    if (s.size() == at + 1 && s.get(at).equals("tables") && m.equals("GET")) {
      String inSchema = schema;
      return inProject(TABLES, project, () -> tableListing.list(project, inSchema, r));
    }
    if (s.size() < at + 2 || !s.get(at).equals("tables")) {
      return unknown(r);
    }
    TableId id = new TableId(project, schema, s.get(at + 1));
    if (s.size() == at + 3 && s.get(at + 2).equals("streams")) {
      return switch (m) {
        case "POST" -> tunnel(STREAM_CREATE, () -> sessions.streams().create(id, r, self));
        case "GET" -> tunnel(STREAM_RELOAD, () -> sessions.streams().reload(id, r, self));
        case "PUT" -> tunnel(STREAM_WRITE, () -> sessions.streams().write(id, r, self));
        default -> unknown(r);
      };
    }
    if (s.size() == at + 3 && s.get(at + 2).equals("upserts")) {
      return switch (m) {
        case "POST" -> r.has("upsertid") ? tunnel(UPSERT_COMMIT, () -> sessions.upserts().commit(id, r, self))
            : tunnel(UPSERT_CREATE, () -> sessions.upserts().create(id, r, self));
        case "GET" -> tunnel(UPSERT_RELOAD, () -> sessions.upserts().reload(id, r, self));
        case "PUT" -> tunnel(UPSERT_WRITE, () -> sessions.upserts().write(id, r, self));
        case "DELETE" -> tunnel(UPSERT_ABORT, () -> sessions.upserts().abort(id, r));
        default -> unknown(r);
      };
    }
    if (s.size() != at + 2) {
      return unknown(r);
    }
    return switch (m) {
      case "GET" -> r.has("uploadid") ? tunnel(UPLOAD_RELOAD, () -> sessions.uploads().reload(id, r))
          : r.has("downloadid") && r.has("data") ? tunnel(DOWNLOAD_READ, () -> sessions.downloads().read(id, r))
          : r.has("downloadid") ? tunnel(DOWNLOAD_RELOAD, () -> sessions.downloads().reload(id, r))
          : rest(TABLE, () -> tables.get(id, r));
      case "POST" -> r.has("uploads") ? tunnel(UPLOAD_CREATE, () -> sessions.uploads().create(id, r))
          : r.has("uploadid") ? tunnel(UPLOAD_COMMIT, () -> sessions.uploads().commit(id, r))
          : r.has("downloads") ? tunnel(DOWNLOAD_CREATE, () -> sessions.downloads().create(id, r))
          : unknown(r);
      case "PUT" -> r.has("uploadid") && r.has("blockid") ? tunnel(UPLOAD_BLOCK, () -> sessions.uploads().writeBlock(id, r))
          : unknown(r);
      default -> unknown(r);
    };
  }

  /** An instance's REST calls, and its result through the instance tunnel (told apart by parameters). */
  private Route instance(String project, String id, OdpsRequest r) {
    return switch (r.method()) {
      case "GET" -> r.has("downloadid") && r.has("data")
          ? tunnel(INSTANCE_DOWNLOAD_READ, () -> sessions.instanceDownloads().read(project, id, r))
          : r.has("downloadid") ? tunnel(INSTANCE_DOWNLOAD_RELOAD, () -> sessions.instanceDownloads().reload(project, id, r))
          : rest(INSTANCE_GET, () -> instances.get(project, id, r));
      case "POST" -> r.has("downloads")
          ? tunnel(INSTANCE_DOWNLOAD_CREATE, () -> sessions.instanceDownloads().create(project, id, instances.outcome(project, id), r))
          : unknown(r);
      default -> unknown(r);
    };
  }

  /** A REST call on a project as a whole: 404 when the project does not exist. */
  private Route inProject(String name, String project, java.util.function.Supplier<OdpsResponse> action) {
    return rest(name, () -> {
      projects.require(project);
      return action.get();
    });
  }

  private static Route rest(String name, java.util.function.Supplier<OdpsResponse> action) {
    return new Route(name, false, true, action);
  }

  private static Route tunnel(String name, java.util.function.Supplier<OdpsResponse> action) {
    return new Route(name, true, true, action);
  }

  private static Route unknown(OdpsRequest r) {
    return new Route(UNKNOWN, false, true, () -> {
      throw ServiceException.notFound("NoSuchObject",
          "The local MaxCompute does not serve " + r.method() + " " + r.path() + " with " + r.params().keySet());
    });
  }
}
