package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.types.TableId;

/** The batch upload routes of a table; served by the tunnel, which this package does not know. */
public interface UploadRoutes {
  OdpsResponse create(TableId id, OdpsRequest r);

  OdpsResponse reload(TableId id, OdpsRequest r);

  OdpsResponse writeBlock(TableId id, OdpsRequest r);

  OdpsResponse commit(TableId id, OdpsRequest r);
}
