package dev.mcsink.localmc.rest;

/**
 * Local administration (faults, limits, activity): {@code /__admin/...}, not signed. Served by a
 * package above this one, which knows what is administered; here it is only a route.
 */
@FunctionalInterface
public interface AdminRoutes {
  OdpsResponse handle(String method, String path, String body);
}
