package dev.mcsink.localmc.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A throw-away HTTP server the real SDK is pointed at: it records each request as a
 * {@link SignedRequest} (path taken after the {@code /api} endpoint prefix) and answers every one
 * with an ODPS-style 404, which the SDK turns into an exception or a "does not exist" answer.
 */
final class CapturingOdpsServer implements AutoCloseable {
  static final String PREFIX = "/api";

  private final HttpServer server;
  private final List<SignedRequest> requests = new CopyOnWriteArrayList<>();

  CapturingOdpsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::capture);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  List<SignedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The only request captured so far; fails if there were none or several. */
  SignedRequest single() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, captured " + requests.size() + ": "
          + requests.stream().map(r -> r.method() + " " + r.resourcePath()).toList());
    }
    return requests.get(0);
  }

  private void capture(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String rawPath = exchange.getRequestURI().getRawPath();
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
    requests.add(SignedRequest.fromWire(exchange.getRequestMethod(),
        rawPath.substring(PREFIX.length()), exchange.getRequestURI().getRawQuery(), headers));
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchObject</Code>"
        + "<Message>captured</Message><RequestId>1</RequestId><HostId>localhost</HostId></Error>")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.getResponseHeaders().add("x-odps-request-id", "1");
    exchange.sendResponseHeaders(404, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
