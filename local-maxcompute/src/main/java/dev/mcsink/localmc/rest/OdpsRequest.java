package dev.mcsink.localmc.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One request as the service sees it, independent of the HTTP server.
 *
 * @param path URL-decoded path with the optional {@code /api} prefix removed (what the SDK signs)
 * @param params decoded query parameters; bare keys ({@code ?uploads}) map to null
 * @param header case-insensitive header lookup, null when absent
 */
public record OdpsRequest(String method, String path, Map<String, String> params,
    Function<String, String> header, InputStream body, String requestId) {

  public boolean has(String param) {
    return params.containsKey(param);
  }

  public String param(String name) {
    return params.get(name);
  }

  /** Path segments without empty ones: /projects/p/tables/t → [projects, p, tables, t]. */
  public List<String> segments() {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
