package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.types.TableId;

/**
 * The upsert session routes of a Delta table ({@code …/tables/{t}/upserts}); served by the tunnel.
 * {@code self} is this server as {@code host:port}, which the sessions name as their slots' worker.
 */
public interface UpsertRoutes {
  OdpsResponse create(TableId id, OdpsRequest r, String self);

  OdpsResponse reload(TableId id, OdpsRequest r, String self);

  OdpsResponse write(TableId id, OdpsRequest r, String self);

  OdpsResponse commit(TableId id, OdpsRequest r, String self);

  OdpsResponse abort(TableId id, OdpsRequest r);
}
