package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.sql.SqlOutcome;

/** The instance tunnel: download sessions over a finished query's result; served by the tunnel. */
public interface InstanceDownloadRoutes {
  /** {@code POST /projects/{p}/instances/{id}?downloads}, with the outcome of that instance. */
  OdpsResponse create(String project, String instanceId, SqlOutcome outcome, OdpsRequest r);

  /** {@code GET …/instances/{id}?downloadid=}. */
  OdpsResponse reload(String project, String instanceId, OdpsRequest r);

  /** {@code GET …/instances/{id}?downloadid=&data&rowrange=(start,count)}. */
  OdpsResponse read(String project, String instanceId, OdpsRequest r);
}
