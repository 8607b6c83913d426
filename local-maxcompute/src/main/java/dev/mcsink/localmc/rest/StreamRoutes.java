package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.types.TableId;

/**
 * The streaming upload routes of a table; served by the tunnel. {@code self} is this server as
 * {@code host:port}, which stream sessions name as their one slot.
 */
public interface StreamRoutes {
  OdpsResponse create(TableId id, OdpsRequest r, String self);

  OdpsResponse reload(TableId id, OdpsRequest r, String self);

  OdpsResponse write(TableId id, OdpsRequest r, String self);
}
