package dev.mcsink.localmc.auth;

import java.util.Optional;

/**
 * Checks the {@code Authorization: ODPS ...} header of a REST or Tunnel request the way the
 * MaxCompute service does, against the keys in {@link Accounts}.
 *
 * <p>The request time is not checked: neither the {@code Date} header nor the date in a V4
 * credential scope is compared with the clock, so clients with skewed clocks and replays are
 * accepted (this is a local test backend). The V4 scope date is used only to derive the key.
 *
 * <p>Temporary (STS) credentials must also send their security token in header
 * {@code authorization-sts-token}, and are refused from their expiration instant on.
 */
public final class RequestAuthenticator {
  public static final String STS_TOKEN_HEADER = "authorization-sts-token";

  private static final int UNAUTHORIZED = 401;
  /**
   * A signed request that does not verify is refused with 403: the JDK's HttpURLConnection, which
   * the SDK uses, drops the error body of a 401 to a streamed POST (it wants to retry the
   * authentication), so the SDK would see "Invalid connection." instead of the reason.
   */
  private static final int FORBIDDEN = 403;

  private final Accounts accounts;

  public RequestAuthenticator(Accounts accounts) {
    this.accounts = accounts;
  }

  public AuthResult authenticate(SignedRequest request) {
    String header = request.header("Authorization");
    if (header == null || header.isBlank()) {
      return AuthResult.denied(UNAUTHORIZED, "Unauthorized",
          "ODPS-0410041:Invalid authorization - the Authorization header is missing");
    }
    Optional<OdpsAuthorization> parsed = OdpsAuthorization.parse(header);
    if (parsed.isEmpty()) {
      return AuthResult.denied(UNAUTHORIZED, "InvalidAuthorization",
          "ODPS-0410041:Invalid authorization - expected 'ODPS <accessId>:<signature>'");
    }
    OdpsAuthorization authorization = parsed.get();
    Optional<Credential> found = accounts.find(authorization.accessId());
    if (found.isEmpty()) {
      return AuthResult.denied(FORBIDDEN, "InvalidAccessKeyId",
          "ODPS-0410051:Invalid credentials - accessKeyId not found: " + authorization.accessId());
    }
    Credential credential = found.get();
    String expected =
        authorization.expectedSignature(credential.secret(), OdpsStringToSign.of(request));
    if (!Hmac.sameText(expected, authorization.signature())) {
      return AuthResult.denied(FORBIDDEN, "SignatureNotMatch",
          "ODPS-0410042:Invalid signature value - User signature does not match");
    }
    if (credential instanceof TemporaryCredential temporary) {
      return checkSecurityToken(temporary, request.header(STS_TOKEN_HEADER));
    }
    return AuthResult.granted(credential.accessId());
  }

  private AuthResult checkSecurityToken(TemporaryCredential credential, String token) {
    if (token == null || token.isEmpty()) {
      return AuthResult.denied(FORBIDDEN, "InvalidSecurityToken.Missing",
          "ODPS-0410052:Invalid security token - a temporary access id needs header "
              + STS_TOKEN_HEADER);
    }
    if (!Hmac.sameText(credential.securityToken(), token)) {
      return AuthResult.denied(FORBIDDEN, "InvalidSecurityToken.MismatchWithAccessKey",
          "ODPS-0410052:Invalid security token - the token does not belong to access id "
              + credential.accessId());
    }
    if (credential.isExpiredAt(accounts.clock().instant())) {
      return AuthResult.denied(FORBIDDEN, "InvalidSecurityToken.Expired",
          "ODPS-0410053:Security token expired at " + credential.expiration());
    }
    return AuthResult.granted(credential.accessId());
  }
}
