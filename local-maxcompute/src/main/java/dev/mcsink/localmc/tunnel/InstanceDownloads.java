package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.rest.InstanceDownloadRoutes;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.sql.SqlOutcome;
import dev.mcsink.localmc.sql.TypedResult;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instance tunnel download sessions ({@code InstanceTunnel}, what {@code SQLTask.getResultByInstanceTunnel}
 * and the JDBC driver read a SELECT's result with). The rows are the typed result kept when the
 * query finished. With {@code instance_tunnel_limit_enabled} the service serves at most
 * {@value #LIMITED_RECORDS} records, as MaxCompute does for clients without download permission.
 */
public final class InstanceDownloads implements InstanceDownloadRoutes {
  static final int LIMITED_RECORDS = 10_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public OdpsResponse create(String project, String instanceId, SqlOutcome outcome, OdpsRequest request) {
    if (!outcome.success()) {
      throw ServiceException.badRequest("TaskFailed", "The instance failed: " + outcome.errorMessage());
    }
    if (outcome.typed() == null) {
      // the SDK recognises this code and falls back to the task's text result
      throw ServiceException.badRequest("InstanceTypeNotSupported", "Non select query not supported");
    }
    TypedResult result = outcome.typed();
    long count = request.has("instance_tunnel_limit_enabled")
        ? Math.min(result.rows().size(), LIMITED_RECORDS) : result.rows().size();
    String downloadId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    Session session = new Session(downloadId, key(project, instanceId), result, count);
    sessions.put(downloadId, session);
    return OdpsResponse.json(200, json(session).toString());
  }

  @Override
  public OdpsResponse reload(String project, String instanceId, OdpsRequest request) {
    return OdpsResponse.json(200, json(session(project, instanceId, request)).toString());
  }

  @Override
  public OdpsResponse read(String project, String instanceId, OdpsRequest request) {
    Session session = session(project, instanceId, request);
    RowRange range = RowRange.parse(request.param("rowrange"), session.recordCount());
    List<Column> all = session.result().columns();
    List<Integer> picked = projection(all, request.param("columns"));
    List<Column> columns = picked.stream().map(all::get).toList();
    List<Object[]> rows = session.result().rows().subList((int) range.start(), (int) (range.start() + range.count()));
    return RecordStreamBody.of(request, columns, sink -> {
      for (Object[] row : rows) {
        Object[] projected = new Object[picked.size()];
        for (int i = 0; i < projected.length; i++) {
          projected[i] = row[picked.get(i)];
        }
        sink.accept(projected);
      }
    });
  }

  private Session session(String project, String instanceId, OdpsRequest request) {
    String downloadId = request.param("downloadid");
    Session session = downloadId == null ? null : sessions.get(downloadId);
    if (session == null || !session.instance().equals(key(project, instanceId))) {
      throw TunnelErrors.noSuchDownload(downloadId);
    }
    return session;
  }

  /** Indexes of the named result columns ({@code columns=a,b}), all of them when none are named. */
  private static List<Integer> projection(List<Column> columns, String names) {
    List<Integer> picked = new ArrayList<>();
    if (names == null || names.isBlank()) {
      for (int i = 0; i < columns.size(); i++) {
        picked.add(i);
      }
      return picked;
    }
    List<String> available = columns.stream().map(Column::name).toList();
    for (String name : names.split(",")) {
      int index = available.indexOf(name.trim().toLowerCase(Locale.ROOT));
      if (index < 0) {
        throw ServiceException.badRequest("InvalidColumnSpec", "Column '" + name.trim() + "' is not in the result");
      }
      picked.add(index);
    }
    return picked;
  }

  private static ObjectNode json(Session session) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("DownloadID", session.id());
    json.put("Status", "normal");
    json.put("RecordCount", session.recordCount());
    json.put("QuotaName", "");
    json.set("Schema", TunnelSchemaJson.of(new TableSchema(session.result().columns(), List.of())));
    return json;
  }

  private static String key(String project, String instanceId) {
    return project.toLowerCase(Locale.ROOT) + "/" + instanceId;
  }

  private record Session(String id, String instance, TypedResult result, long recordCount) {}
}
