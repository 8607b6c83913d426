package dev.mcsink.localmc.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the ODPS signature covers, as the server received it.
 *
 * <p>Headers are a map rather than a lookup function because every {@code x-odps-*} header is
 * signed, so the authenticator must be able to list them. Lookup is case-insensitive.
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param resourcePath URL-decoded path after the endpoint prefix, e.g. {@code /projects/p1/tables/t1}
 * @param params URL-decoded query parameters; value {@code null} for a bare key such as {@code ?uploads}
 * @param headers request headers (first value of each)
 */
public record SignedRequest(
    String method, String resourcePath, Map<String, String> params, Map<String, String> headers) {

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(resourcePath, "resourcePath");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, value) -> {
        if (name != null) {
          caseInsensitive.putIfAbsent(name, value);
        }
      });
    }
    headers = Collections.unmodifiableMap(caseInsensitive);
  }

  /**
   * Builds the request from what is on the wire: the still-encoded path after the endpoint prefix
   * and the raw query string (may be null). Decodes both with {@link URLDecoder}, which is exactly
   * the inverse of the SDK's encoding (it sends spaces as {@code %20}, {@code +} as {@code %2B},
   * and decodes its own encoded resource with {@code URLDecoder} before signing).
   */
  public static SignedRequest fromWire(
      String method, String rawResourcePath, String rawQuery, Map<String, String> headers) {
    return new SignedRequest(method, decode(rawResourcePath), parseQuery(rawQuery), headers);
  }

  /** Parses {@code a=1&b&c=x%20y} into {@code {a=1, b=null, c=x y}}; later duplicates are ignored. */
  public static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? null : decode(pair.substring(eq + 1));
      params.putIfAbsent(key, value);
    }
    return params;
  }

  /** The header's value, or null when absent; the name is matched case-insensitively. */
  public String header(String name) {
    return headers.get(name);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
