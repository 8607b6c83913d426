package dev.mcsink.localmc.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signature V1.0 of Alibaba Cloud's RPC-style APIs (what credentials-java signs AssumeRole with):
 * {@code base64(HMAC-SHA1(secret + "&", METHOD + "&%2F&" + percentEncode(canonicalQuery)))}, where
 * canonicalQuery is every parameter but {@code Signature}, sorted by name, as
 * {@code percentEncode(name)=percentEncode(value)} joined by {@code &}.
 */
final class RpcSignature {
  static final String SIGNATURE_PARAM = "Signature";

  private RpcSignature() {}

  static String stringToSign(String httpMethod, Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
      if (param.getKey().equals(SIGNATURE_PARAM)) {
        continue;
      }
      if (query.length() > 0) {
        query.append('&');
      }
      String value = param.getValue() == null ? "" : param.getValue();
      query.append(percentEncode(param.getKey())).append('=').append(percentEncode(value));
    }
    return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(query.toString());
  }

  static String sign(String secret, String stringToSign) {
    return Hmac.base64(Hmac.sha1(Hmac.utf8(secret + "&"), stringToSign));
  }

  /** RFC 3986 encoding: form encoding with space as %20, '*' escaped and '~' kept. */
  static String percentEncode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
