package dev.mcsink.localmc.rest;

/**
 * A request the service refuses, with the HTTP status and the ODPS error code the real service
 * uses; rendered as XML on REST routes and JSON on tunnel routes.
 */
public final class ServiceException extends RuntimeException {
  private final int status;
  private final String code;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ServiceException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** A header the refusal carries, for clients that read more than the body (the latest schema version). */
  public ServiceException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  java.util.Map<String, String> headers() {
    return headers;
  }

  public static ServiceException notFound(String code, String message) {
    return new ServiceException(404, code, message);
  }

  public static ServiceException badRequest(String code, String message) {
    return new ServiceException(400, code, message);
  }
}
