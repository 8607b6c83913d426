package dev.mcsink.localmc.tunnel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.PartitionSpecs;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.rest.TableLookup;
import dev.mcsink.localmc.rest.UpsertRoutes;
import dev.mcsink.localmc.storage.KeyedChange;
import dev.mcsink.localmc.storage.NotFoundException;
import dev.mcsink.localmc.storage.TableInfo;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upsert sessions of Delta tables, as {@code TableTunnel.buildUpsertSession} drives them: create
 * (POST), reload (GET), write a bucket's record pack (PUT), commit (POST with the id), abort
 * (DELETE). Writes collect a change set in the session; the commit applies it to the warehouse in
 * one transaction. Sessions live in memory: a restart forgets them (404 UpsertSessionNotFound).
 */
public final class UpsertSessions implements UpsertRoutes {
  /** The lifecycle when the client sets none; the SDK sends 1..24 hours when it does. */
  static final Duration DEFAULT_LIFECYCLE = Duration.ofHours(24);
  private static final int MAX_LIFECYCLE_HOURS = 24;

  private final Warehouse warehouse;
  private final TableLimits limits;
  private final Clock clock;
  private final Map<String, UpsertSession> sessions = new ConcurrentHashMap<>();

  public UpsertSessions(Warehouse warehouse, TableLimits limits, Clock clock) {
    this.warehouse = warehouse;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public OdpsResponse create(TableId id, OdpsRequest request, String self) {
    TableInfo table = TableLookup.require(warehouse, id);
    if (!table.properties().isDelta()) {
      throw ServiceException.badRequest("InvalidArgument", "Upsert is only supported for a transactional table"
          + " with a primary key; table " + id + " has none");
    }
    PartitionSpec spec = PartitionSpecs.parse(request.param("partition"), table);
    if (!spec.isEmpty() && warehouse.partition(id, spec).isEmpty()) {
      warehouse.createPartition(id, spec);
    }
    int slots = (int) Math.min(number(request, "slotnum", 1, 1), table.properties().bucketNum());
    long hours = number(request, "lifecycle", DEFAULT_LIFECYCLE.toHours(), 1);
    if (hours > MAX_LIFECYCLE_HOURS) {
      throw ServiceException.badRequest("InvalidArgument", "lifecycle must be in [1, 24] hours, got " + hours);
    }
    forgetEnded();
    String sessionId = UUID.randomUUID().toString().replace("-", "");
    UpsertSession session = new UpsertSession(sessionId, table, spec, slots,
        clock.millis() + Duration.ofHours(hours).toMillis());
    sessions.put(sessionId, session);
    return answer(session, self);
  }

  @Override
  public OdpsResponse reload(TableId id, OdpsRequest request, String self) {
    return answer(session(id, request), self);
  }

  @Override
  public OdpsResponse write(TableId id, OdpsRequest request, String self) {
    UpsertSession session = session(id, request);
    long bucket = number(request, "bucketid", -1, 0);
    if (bucket < 0 || bucket >= session.table.properties().bucketNum()) {
      throw ServiceException.badRequest("InvalidArgument", "bucketid must be in [0, "
          + session.table.properties().bucketNum() + "), got " + request.param("bucketid"));
    }
    String slot = String.valueOf(session.slotOf((int) bucket));
    if (!slot.equals(request.param("slotid"))) {
      throw ServiceException.badRequest("InvalidArgument", "Bucket " + bucket + " belongs to slot " + slot
          + ", not to slot " + request.param("slotid"));
    }
    UpsertPack pack = new UpsertPack(session.table);
    List<KeyedChange> changes = pack.decode(RecordPacks.read(request, pack.recordColumns()), (int) bucket);
    session.add(changes, clock.millis());
    return OdpsResponse.empty(200);
  }

  @Override
  public OdpsResponse commit(TableId id, OdpsRequest request, String self) {
    UpsertSession session = session(id, request);
    // Null when committed already: a commit retried after a lost answer neither applies nor counts again.
    List<KeyedChange> changes = session.beginCommit(clock.millis());
    if (changes != null) {
      boolean applied = false;
      try (AutoCloseable ignored = limits.beginCommit(id)) {
        warehouse.applyKeyed(id, session.partition, changes);
        applied = true;
      } catch (NotFoundException e) {
        throw TunnelErrors.gone(warehouse, id, e);
      } catch (RuntimeException e) {
        throw e; // a refusal (4xx), mapped by the HTTP entry
      } catch (Exception e) {
        throw new IllegalStateException(e); // only the commit slot's close() declares a checked exception
      } finally {
        session.endCommit(applied);
      }
    }
    return answer(session, self);
  }

  @Override
  public OdpsResponse abort(TableId id, OdpsRequest request) {
    session(id, request).abort(clock.millis());
    return OdpsResponse.empty(200);
  }

  /** Drops sessions past their lifecycle, so a long-running service does not keep every session. */
  private void forgetEnded() {
    long now = clock.millis();
    sessions.values().removeIf(s -> now >= s.expiresAtMillis);
  }

  private UpsertSession session(TableId id, OdpsRequest request) {
    String sessionId = request.param("upsertid");
    if (sessionId == null || sessionId.isBlank()) {
      throw ServiceException.badRequest("MissingArgument", "upsertid is required");
    }
    UpsertSession session = sessions.get(sessionId);
    if (session == null || !session.table.id().equals(id)) {
      throw ServiceException.notFound("UpsertSessionNotFound",
          "The specified upsert session does not exist: " + sessionId + " of " + id);
    }
    return session;
  }

  /** A numeric parameter of at least {@code min}, or {@code fallback} when absent. */
  private static long number(OdpsRequest request, String name, long fallback, long min) {
    String text = request.param(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ServiceException.badRequest("InvalidArgument", name + " must be a number of at least " + min
        + ", got " + text);
  }

  /** The session as the SDK loads it: id, schema, hash key and hasher, slots with their buckets, status. */
  private OdpsResponse answer(UpsertSession session, String self) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", session.id);
    json.set("schema", TunnelSchemaJson.of(session.table.schema()));
    ArrayNode hashKey = json.putArray("hash_key");
    session.table.properties().primaryKey().forEach(hashKey::add);
    json.put("hasher", KeyBuckets.HASHER);
    ArrayNode slots = json.putArray("slots");
    for (int slot = 0; slot < session.slotCount; slot++) {
      ObjectNode node = slots.addObject().put("slot_id", String.valueOf(slot));
      ArrayNode buckets = node.putArray("buckets");
      for (int bucket = slot; bucket < session.table.properties().bucketNum(); bucket += session.slotCount) {
        buckets.add(bucket);
      }
      node.put("worker_addr", self);
    }
    json.put("status", session.status(clock.millis()).wire());
    json.put("quota_name", "");
    json.put("enable_partial_update", false);
    return OdpsResponse.json(200, json.toString());
  }
}
