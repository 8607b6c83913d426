package dev.mcsink.localmc.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One request as the service sees it, independent of the HTTP server.
 *
 * @param path URL-decoded path with the optional {@code /api} prefix removed (what the SDK signs)
 * @param params decoded query parameters; bare keys ({@code ?uploads}) map to null
 * @param headers request headers, looked up case-insensitively (first value of each)
 */
public record OdpsRequest(String method, String path, Map<String, String> params,
    Map<String, String> headers, InputStream body, String requestId) {

  public OdpsRequest {
    java.util.TreeMap<String, String> caseInsensitive = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(caseInsensitive::putIfAbsent);
    headers = java.util.Collections.unmodifiableMap(caseInsensitive);
  }

  /** A header's value, or null when absent. */
  public String header(String name) {
    return headers.get(name);
  }

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
