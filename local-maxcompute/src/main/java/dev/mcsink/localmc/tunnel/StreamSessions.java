package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.PartitionSpecs;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.StreamRoutes;
import dev.mcsink.localmc.rest.TableLookup;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.util.List;
import java.util.UUID;

/**
 * Streaming upload sessions. Every write names its table and partition, so sessions keep no state
 * here: a session outlives a restart of the service, as a long-lived writer expects. One slot,
 * routed to this server.
 */
public final class StreamSessions implements StreamRoutes {
  static final String SLOT_ID = "1";
  private final Warehouse warehouse;
  private final TunnelActivity activity;

  public StreamSessions(Warehouse warehouse, TunnelActivity activity) {
    this.warehouse = warehouse;
    this.activity = activity;
  }

  @Override
  public OdpsResponse create(TableId id, OdpsRequest request, String routedServer) {
    TableInfo table = TableLookup.require(warehouse, id);
    PartitionSpec spec = PartitionSpecs.parse(request.param("partition"), table);
    if (!spec.isEmpty() && warehouse.partition(id, spec).isEmpty()) {
      if (!request.has("create_partition")) {
        throw TunnelErrors.noSuchPartition(spec, id);
      }
      warehouse.createPartition(id, spec);
    }
    String session = "stream-" + UUID.randomUUID().toString().replace("-", "");
    activity.onStreamSessionCreated(id);
    return OdpsResponse.json(200, sessionJson(session, table, routedServer).toString());
  }

  @Override
  public OdpsResponse reload(TableId id, OdpsRequest request, String routedServer) {
    TableInfo table = TableLookup.require(warehouse, id);
    return OdpsResponse.json(200, sessionJson(requireSession(request), table, routedServer).toString());
  }

  @Override
  public OdpsResponse write(TableId id, OdpsRequest request, String routedServer) {
    requireSession(request);
    TableInfo table = TableLookup.require(warehouse, id);
    PartitionSpec spec = PartitionSpecs.parse(request.param("partition"), table);
    if (!spec.isEmpty() && warehouse.partition(id, spec).isEmpty()) {
      throw TunnelErrors.noSuchPartition(spec, id);
    }
    List<Object[]> rows = RecordPacks.read(request, table.schema().columns());
    try {
      warehouse.append(id, spec, rows);
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest("MalformedDataStream", e.getMessage());
    }
    activity.onStreamPackWritten(id, rows.size());
    // The SDK reloads the session when these differ from what it holds, so both are required.
    return OdpsResponse.empty(200)
        .header("odps-tunnel-slot-num", "1")
        .header("odps-tunnel-routed-server", routedServer);
  }

  private static String requireSession(OdpsRequest request) {
    String session = request.param("uploadid");
    if (session == null || session.isBlank()) {
      throw ServiceException.badRequest("MissingArgument", "uploadid is required");
    }
    return session;
  }

  private static ObjectNode sessionJson(String session, TableInfo table, String routedServer) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("session_name", session);
    json.put("status", "normal");
    json.set("schema", TunnelSchemaJson.of(table.schema()));
    json.putArray("slots").addArray().add(SLOT_ID).add(routedServer);
    json.put("quota_name", "");
    return json;
  }
}
