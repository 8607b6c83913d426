package dev.mcsink.localmc.auth;

import java.util.Optional;

/**
 * A parsed {@code Authorization} header of the ODPS scheme, in either form the SDK's
 * {@code AliyunRequestSigner} writes:
 * <ul>
 *   <li>V2: {@code ODPS <accessId>:<base64 HMAC-SHA1(secret, stringToSign)>};
 *   <li>V4 (when the account has a region):
 *       {@code ODPS <accessId>/<yyyyMMdd>/<region>/odps/<corp>_v4_request:<signature>}, where the
 *       signature is still HMAC-SHA1 over the same string, but keyed with a key derived by an
 *       HMAC-SHA256 chain over date, region, "odps" and "<corp>_v4_request" starting from
 *       {@code "<corp>_v4" + secret}. The SDK's corporation is "aliyun" unless overridden.
 * </ul>
 */
record OdpsAuthorization(String accessId, Optional<V4Scope> scope, String signature) {
  private static final String SCHEME = "ODPS ";
  private static final String V4_SUFFIX = "_v4_request";

  /** The credential scope of a V4 signature. */
  record V4Scope(String date, String region, String service, String corporation) {}

  /** Empty when the header is absent or not of the ODPS scheme. */
  static Optional<OdpsAuthorization> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String credentials = header.substring(SCHEME.length()).trim();
    // Base64 has no ':', so the last one separates the signature even if an id contained one.
    int colon = credentials.lastIndexOf(':');
    if (colon <= 0 || colon == credentials.length() - 1) {
      return Optional.empty();
    }
    String identity = credentials.substring(0, colon);
    String signature = credentials.substring(colon + 1);
    String[] parts = identity.split("/", -1);
    if (parts.length < 5 || !parts[parts.length - 1].endsWith(V4_SUFFIX)) {
      return Optional.of(new OdpsAuthorization(identity, Optional.empty(), signature));
    }
    int n = parts.length;
    String terminator = parts[n - 1];
    V4Scope scope = new V4Scope(parts[n - 4], parts[n - 3], parts[n - 2],
        terminator.substring(0, terminator.length() - V4_SUFFIX.length()));
    String accessId = String.join("/", java.util.Arrays.copyOf(parts, n - 4));
    if (accessId.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OdpsAuthorization(accessId, Optional.of(scope), signature));
  }

  /** The signature this header should carry if it was made with {@code secret}. */
  String expectedSignature(String secret, String stringToSign) {
    byte[] key = scope.map(s -> v4Key(secret, s)).orElseGet(() -> Hmac.utf8(secret));
    return Hmac.base64(Hmac.sha1(key, stringToSign));
  }

  private static byte[] v4Key(String secret, V4Scope scope) {
    byte[] key = Hmac.utf8(scope.corporation() + "_v4" + secret);
    key = Hmac.sha256(key, scope.date());
    key = Hmac.sha256(key, scope.region());
    key = Hmac.sha256(key, scope.service());
    return Hmac.sha256(key, scope.corporation() + V4_SUFFIX);
  }
}
