package dev.mcsink.localmc.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * {@code GET /tenants}: the account's tenant, whose {@code odps.namespace.schema} parameter tells
 * clients (the JDBC driver) whether names have three tiers. The local service answers two tiers,
 * project.table, as the connector and most projects use them; schemas stay reachable by name.
 */
final class TenantResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final long startedMillis;

  TenantResource(Clock clock) {
    this.startedMillis = clock.millis();
  }

  OdpsResponse get() {
    ObjectNode tenant = JSON.createObjectNode();
    tenant.putObject("Tenant")
        .put("Name", "local")
        .put("OwnerId", "local")
        .put("TenantId", "local")
        .put("State", "NORMAL")
        .put("CreateTime", startedMillis)
        .put("UpdateTime", startedMillis)
        .putObject("Parameters").put("odps.namespace.schema", "false");
    return OdpsResponse.json(200, tenant.toString());
  }
}
