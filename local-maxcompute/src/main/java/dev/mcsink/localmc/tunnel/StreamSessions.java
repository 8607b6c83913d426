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
import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.List;
import java.util.UUID;

/**
 * Streaming upload sessions. Every write names its table, partition and schema version, so sessions
 * keep no state here: a session outlives a restart of the service, as a long-lived writer expects.
 * One slot, routed to this server.
 *
 * <p>Schema versions ({@link TableSchema#version}): a session opened before ALTER TABLE ADD COLUMNS
 * keeps its schema and its writes leave the new columns NULL, unless the writer asks
 * ({@code check_latest_schema=true}) to be told: then the write fails with 412 SchemaModified and
 * the latest version in {@code odps-tunnel-latest-schema-version}, as the service answers.
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
    TableSchema schema = sessionSchema(id, table.schema(), request);
    String session = "stream-" + UUID.randomUUID().toString().replace("-", "");
    activity.onStreamSessionCreated(id);
    return OdpsResponse.json(200, sessionJson(session, schema, routedServer).toString());
  }

  @Override
  public OdpsResponse reload(TableId id, OdpsRequest request, String routedServer) {
    TableInfo table = TableLookup.require(warehouse, id);
    return OdpsResponse.json(200,
        sessionJson(requireSession(request), sessionSchema(id, table.schema(), request), routedServer).toString());
  }

  @Override
  public OdpsResponse write(TableId id, OdpsRequest request, String routedServer) {
    requireSession(request);
    // Schema from memory; whether the partition still exists is checked by the append itself, in
    // its transaction: a catalog read fewer on every pack.
    TableSchema latest = TableLookup.requireSchema(warehouse, id);
    PartitionSpec spec = PartitionSpecs.parse(request.param("partition"), id, latest);
    TableSchema schema = sessionSchema(id, latest, request);
    if ("true".equalsIgnoreCase(request.param("check_latest_schema")) && !schema.version().equals(latest.version())) {
      throw TunnelErrors.schemaModified(schema.version(), latest.version());
    }
    List<Object[]> rows = RecordPacks.read(request, latest.columns());
    try {
      warehouse.append(id, spec, rows);
    } catch (NotFoundException e) {
      throw TunnelErrors.gone(warehouse, id, spec, e);
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

  /**
   * The schema the session was opened with: the version the request names, else the latest. Rows
   * are decoded with the latest schema all the same: an older writer's records lack the new fields,
   * which then read NULL.
   */
  private static TableSchema sessionSchema(TableId id, TableSchema latest, OdpsRequest request) {
    String version = request.param("schema_version");
    if (version == null || version.isBlank()) {
      return latest;
    }
    return latest.asOfVersion(version).orElseThrow(() -> TunnelErrors.noSuchSchema(version, id));
  }

  private static ObjectNode sessionJson(String session, TableSchema schema, String routedServer) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("session_name", session);
    json.put("status", "normal");
    json.set("schema", TunnelSchemaJson.of(schema));
    json.put("schema_version", schema.version());
    json.putArray("slots").addArray().add(SLOT_ID).add(routedServer);
    json.put("quota_name", "");
    return json;
  }
}
