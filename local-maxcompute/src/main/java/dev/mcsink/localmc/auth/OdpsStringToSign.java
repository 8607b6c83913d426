package dev.mcsink.localmc.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text the ODPS SDK signs (its {@code SecurityUtils.buildCanonicalString}, identical in 0.53.1
 * and 0.57.1). Quirks reproduced on purpose, since the signature must match byte for byte:
 * <ul>
 *   <li>{@code content-md5} and {@code content-type} contribute an empty line when absent, but
 *       {@code date} contributes no line at all when absent;
 *   <li>query parameters whose name starts with {@code x-odps-} (case-sensitive) are signed twice:
 *       as a header line and again in the resource part;
 *   <li>a parameter with an empty value is written as a bare name, like one without a value.
 * </ul>
 */
final class OdpsStringToSign {
  private static final String PREFIX = "x-odps-";
  private static final String CONTENT_TYPE = "content-type";
  private static final String CONTENT_MD5 = "content-md5";
  private static final String DATE = "date";

  private OdpsStringToSign() {}

  static String of(SignedRequest request) {
    StringBuilder text = new StringBuilder();
    text.append(request.method()).append('\n');

    TreeMap<String, String> signedHeaders = new TreeMap<>();
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.equals(CONTENT_TYPE) || name.equals(CONTENT_MD5) || name.equals(DATE)
          || name.startsWith(PREFIX)) {
        signedHeaders.put(name, header.getValue());
      }
    }
    signedHeaders.putIfAbsent(CONTENT_TYPE, "");
    signedHeaders.putIfAbsent(CONTENT_MD5, "");
    for (Map.Entry<String, String> param : request.params().entrySet()) {
      if (param.getKey().startsWith(PREFIX)) {
        signedHeaders.put(param.getKey(), param.getValue());
      }
    }
    for (Map.Entry<String, String> header : signedHeaders.entrySet()) {
      String value = header.getValue() == null ? "" : header.getValue();
      if (header.getKey().startsWith(PREFIX)) {
        text.append(header.getKey()).append(':');
      }
      text.append(value).append('\n');
    }

    text.append(request.resourcePath());
    String[] names = request.params().keySet().toArray(new String[0]);
    Arrays.sort(names);
    char separator = '?';
    for (String name : names) {
      text.append(separator).append(name);
      String value = request.params().get(name);
      if (value != null && !value.isEmpty()) {
        text.append('=').append(value);
      }
      separator = '&';
    }
    return text.toString();
  }
}
