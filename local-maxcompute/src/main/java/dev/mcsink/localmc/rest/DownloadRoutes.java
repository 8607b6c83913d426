package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.types.TableId;

/** The download routes of a table; served by the tunnel. */
public interface DownloadRoutes {
  OdpsResponse create(TableId id, OdpsRequest r);

  OdpsResponse reload(TableId id, OdpsRequest r);

  OdpsResponse read(TableId id, OdpsRequest r);
}
