package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.codec.BodyEncoding;
import dev.mcsink.localmc.codec.RecordStreamException;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.TableLookup;
import dev.mcsink.localmc.rest.UploadRoutes;
import dev.mcsink.localmc.storage.BlockInfo;
import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.UploadStage;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batch upload sessions: blocks are staged in the warehouse and become visible together at commit.
 * A commit repeated after success (the SDK retries a commit whose answer was lost) answers the
 * same block list again instead of failing or writing twice.
 */
public final class UploadSessions implements UploadRoutes {
  private static final long MAX_FIELD_SIZE = 8 * 1024 * 1024;

  private final Warehouse warehouse;
  private final TableLimits limits;
  private final TunnelActivity activity;
  private final Clock clock;
  private final Map<String, Committed> committed = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public UploadSessions(Warehouse warehouse, TableLimits limits, TunnelActivity activity, Clock clock) {
    this.warehouse = warehouse;
    this.limits = limits;
    this.activity = activity;
    this.clock = clock;
  }

  @Override
  public OdpsResponse create(TableId id, OdpsRequest request) {
    TableInfo table = TableLookup.require(warehouse, id);
    PartitionSpec spec = Partitions.existing(warehouse, table, request.param("partition"));
    boolean overwrite = "true".equalsIgnoreCase(request.param("overwrite"));
    limits.onSessionCreated(id);
    String uploadId = newId();
    UploadStage stage;
    try {
      stage = warehouse.openUploadStage(uploadId, id, spec, overwrite);
    } catch (NotFoundException e) {
      throw TunnelErrors.gone(warehouse, id, e);
    }
    activity.onUploadSessionCreated(id);
    return OdpsResponse.json(200, sessionJson(stage, "normal", overwrite, false).toString());
  }

  @Override
  public OdpsResponse reload(TableId id, OdpsRequest request) {
    String uploadId = request.param("uploadid");
    TableLookup.require(warehouse, id);
    Committed done = committed.get(uploadId);
    if (done != null) {
      return OdpsResponse.json(200, closedJson(uploadId, done).toString());
    }
    UploadStage stage = stage(uploadId, id);
    return OdpsResponse.json(200, sessionJson(stage, "normal", false, true).toString());
  }

  @Override
  public OdpsResponse writeBlock(TableId id, OdpsRequest request) {
    String uploadId = request.param("uploadid");
    long blockId = parseBlockId(request.param("blockid"));
    TableLookup.require(warehouse, id);
    if (committed.containsKey(uploadId)) {
      throw TunnelErrors.statusConflict("upload session " + uploadId + " is already committed");
    }
    UploadStage stage = stage(uploadId, id);
    limits.onBlockWritten(id, blockId);
    InputStream body = BodyEncoding.decoding(request.body(), request.header("Content-Encoding"));
    try {
      stage.writeBlock(blockId, body);
    } catch (RecordStreamException e) {
      throw TunnelErrors.badData(e);
    } catch (NotFoundException e) {
      throw TunnelErrors.gone(warehouse, id, e);
    } catch (UncheckedIOException e) {
      throw ServiceException.badRequest("MalformedDataStream", "The block could not be read: " + e.getCause().getMessage());
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest("MalformedDataStream", e.getMessage());
    }
    activity.onBlockWritten(id);
    return OdpsResponse.empty(200);
  }

  @Override
  public OdpsResponse commit(TableId id, OdpsRequest request) {
    String uploadId = request.param("uploadid");
    TableLookup.require(warehouse, id);
    synchronized (locks.computeIfAbsent(uploadId, k -> new Object())) {
      Committed done = committed.get(uploadId);
      if (done == null) {
        UploadStage stage = stage(uploadId, id);
        List<BlockInfo> blocks = stage.blocks();
        try (AutoCloseable ignored = limits.beginCommit(id)) {
          stage.commit(blocks.stream().map(BlockInfo::blockId).toList());
        } catch (ServiceException | IllegalArgumentException e) {
          throw e;
        } catch (NotFoundException e) {
          throw TunnelErrors.gone(warehouse, id, e);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        done = new Committed(blocks, stage.schema());
        committed.put(uploadId, done);
        // Counted here only: a commit retried after success answers from `committed` above.
        activity.onCommitted(id, blocks.stream().mapToLong(BlockInfo::recordCount).sum());
      }
      return OdpsResponse.json(200, closedJson(uploadId, done).toString());
    }
  }

  private UploadStage stage(String uploadId, TableId id) {
    if (uploadId == null || uploadId.isBlank()) {
      throw ServiceException.badRequest("MissingArgument", "uploadid is required");
    }
    UploadStage stage = warehouse.uploadStage(uploadId).orElseThrow(() -> TunnelErrors.noSuchUpload(uploadId));
    if (!stage.table().equals(id)) {
      throw TunnelErrors.noSuchUpload(uploadId + " (it belongs to table " + stage.table() + ")");
    }
    return stage;
  }

  private ObjectNode sessionJson(UploadStage stage, String status, boolean overwrite,
      boolean withBlocks) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("UploadID", stage.uploadId());
    json.put("Status", status);
    json.put("Owner", "ALIYUN$local@aliyun.com");
    json.put("Initiated", dev.mcsink.localmc.rest.HttpDates.format(clock.millis()));
    json.put("IsOverwrite", overwrite);
    json.put("MaxFieldSize", MAX_FIELD_SIZE);
    json.put("QuotaName", "");
    json.set("Schema", TunnelSchemaJson.of(stage.schema()));
    if (withBlocks) {
      json.set("UploadedBlockList", blockList(stage.blocks()));
    }
    return json;
  }

  private ObjectNode closedJson(String uploadId, Committed done) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("UploadID", uploadId);
    json.put("Status", "closed");
    json.put("Owner", "ALIYUN$local@aliyun.com");
    json.put("MaxFieldSize", MAX_FIELD_SIZE);
    json.put("QuotaName", "");
    json.set("Schema", TunnelSchemaJson.of(done.schema()));
    json.set("UploadedBlockList", blockList(done.blocks()));
    return json;
  }

  /** A committed upload, remembered to answer a retried commit or reload: its blocks and schema. */
  private record Committed(List<BlockInfo> blocks, TableSchema schema) {}

  private static ArrayNode blockList(List<BlockInfo> blocks) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (BlockInfo b : blocks) {
      array.addObject()
          .put("BlockID", b.blockId())
          .put("CreateTime", b.createTimeMillis() / 1000)
          .put("Date", "")
          .put("FileName", "block_" + b.blockId())
          .put("RawSize", b.rawSizeBytes())
          .put("RecordCount", b.recordCount())
          .put("Version", 1);
    }
    return array;
  }

  private static long parseBlockId(String text) {
    try {
      return Long.parseLong(text);
    } catch (RuntimeException e) {
      throw ServiceException.badRequest("InvalidBlockID", "The specified block id is not valid: " + text);
    }
  }

  private static String newId() {
    // Upload ids are opaque; the real ones are 32 hex digits.
    return UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
  }
}
