package dev.mcsink.localmc.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response: status, headers spelled exactly as given (the SDK looks tunnel headers up by their
 * exact lower-case names), and a body written once the headers are out.
 */
public final class OdpsResponse {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final BodyWriter body;

  private OdpsResponse(int status, BodyWriter body) {
    this.status = status;
    this.body = body;
  }

  public static OdpsResponse of(int status, String contentType, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new OdpsResponse(status, out -> out.write(bytes)).header("Content-Type", contentType);
  }

  public static OdpsResponse xml(int status, String xml) {
    return of(status, "application/xml", xml);
  }

  public static OdpsResponse json(int status, String json) {
    return of(status, "application/json", json);
  }

  public static OdpsResponse empty(int status) {
    return new OdpsResponse(status, out -> { });
  }

  /** A body produced while it is sent (downloads), so it is never held in memory whole. */
  public static OdpsResponse streaming(int status, String contentType, BodyWriter body) {
    return new OdpsResponse(status, body).header("Content-Type", contentType);
  }

  public OdpsResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public void writeBody(OutputStream out) throws IOException {
    body.write(out);
  }

  @FunctionalInterface
  public interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }
}
