package dev.mcsink.localmc.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * Serves {@link StsService} over https for credentials-java, merging query and form-body
 * parameters as the real HTTP layer must, and remembering what each request looked like.
 */
final class StsHttpsServer implements AutoCloseable {
  /** What arrived: method, path, and the raw query, for asserting the wire shape. */
  record Received(String method, String path, String rawQuery, String contentType) {}

  private final HttpsServer server;
  private final StsService sts;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  StsHttpsServer(StsService sts, SSLContext tls) throws IOException {
    this.sts = sts;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::answer);
    server.start();
  }

  /** What to give credentials-java as STSEndpoint: host and port, no scheme. */
  String endpoint() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void answer(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        contentType));
    Map<String, String> params = new LinkedHashMap<>(SignedRequest.parseQuery(uri.getRawQuery()));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      params.putAll(SignedRequest.parseQuery(body));
    }
    StsResponse response = sts.handle(exchange.getRequestMethod(), params);
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
