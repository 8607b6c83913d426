package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.rest.DownloadRoutes;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.TableLookup;
import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Download sessions: a row count and a schema fixed at creation (columns added later are not read),
 * then ranges of rows as record streams.
 */
public final class DownloadSessions implements DownloadRoutes {
  private final Warehouse warehouse;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public DownloadSessions(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public OdpsResponse create(TableId id, OdpsRequest request) {
    TableInfo table = TableLookup.require(warehouse, id);
    if (table.schema().isPartitioned() && (request.param("partition") == null || request.param("partition").isBlank())) {
      throw ServiceException.badRequest("MissingPartitionSpec",
          "You need to specify a partitionspec along with the specified table " + id);
    }
    PartitionSpec spec = Partitions.existing(warehouse, table, request.param("partition"));
    String downloadId = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    long rows;
    try {
      rows = warehouse.rowCount(id, spec);
    } catch (NotFoundException e) {
      throw TunnelErrors.gone(warehouse, id, e);
    }
    Session session = new Session(downloadId, id, spec, rows, table.schema());
    sessions.put(downloadId, session);
    return OdpsResponse.json(200, json(session).toString());
  }

  @Override
  public OdpsResponse reload(TableId id, OdpsRequest request) {
    Session session = session(id, request);
    TableLookup.require(warehouse, id);
    return OdpsResponse.json(200, json(session).toString());
  }

  @Override
  public OdpsResponse read(TableId id, OdpsRequest request) {
    Session session = session(id, request);
    TableLookup.require(warehouse, id);
    RowRange range = RowRange.parse(request.param("rowrange"), session.recordCount());
    List<Column> columns = projection(session, request.param("columns"));
    List<String> names = columns.stream().map(Column::name).toList();
    return RecordStreamBody.of(request, columns,
        sink -> warehouse.scan(id, session.partition(), range.start(), range.count(), names, sink));
  }

  private Session session(TableId id, OdpsRequest request) {
    String downloadId = request.param("downloadid");
    Session session = downloadId == null ? null : sessions.get(downloadId);
    if (session == null || !session.table().equals(id)) {
      throw TunnelErrors.noSuchDownload(downloadId);
    }
    return session;
  }

  private static List<Column> projection(Session session, String columns) {
    if (columns == null || columns.isBlank()) {
      return session.schema().columns();
    }
    List<Column> chosen = new ArrayList<>();
    for (String name : columns.split(",")) {
      chosen.add(session.schema().column(name.trim()).orElseThrow(() -> ServiceException.badRequest(
          "InvalidColumnSpec", "Column '" + name.trim() + "' does not exist in table " + session.table())));
    }
    return chosen;
  }

  private static ObjectNode json(Session session) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("DownloadID", session.id());
    json.put("Status", "normal");
    json.put("RecordCount", session.recordCount());
    json.put("QuotaName", "");
    json.set("Schema", TunnelSchemaJson.of(session.schema()));
    return json;
  }

  private record Session(String id, TableId table, PartitionSpec partition, long recordCount, TableSchema schema) {}
}
