package dev.mcsink.localmc.auth;

/** The outcome of authenticating a request: who sent it, or why it is refused. */
public sealed interface AuthResult permits AuthResult.Granted, AuthResult.Denied {

  boolean isGranted();

  static AuthResult granted(String accessId) {
    return new Granted(accessId);
  }

  static AuthResult denied(int httpStatus, String errorCode, String message) {
    return new Denied(httpStatus, errorCode, message);
  }

  /** The request was signed by {@code accessId}'s secret (and, if temporary, carries its token). */
  record Granted(String accessId) implements AuthResult {
    @Override
    public boolean isGranted() {
      return true;
    }
  }

  /**
   * Refused. {@code errorCode} and {@code message} go into the ODPS error body
   * ({@code <Error><Code/><Message/>...}); neither ever contains a secret.
   */
  record Denied(int httpStatus, String errorCode, String message) implements AuthResult {
    @Override
    public boolean isGranted() {
      return false;
    }
  }
}
