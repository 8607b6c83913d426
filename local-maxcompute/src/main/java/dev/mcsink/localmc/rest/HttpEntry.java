package dev.mcsink.localmc.rest;

import dev.mcsink.localmc.auth.SignedRequest;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.storage.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty side of the service: turns each exchange into an {@link OdpsRequest}, applies faults,
 * admin and STS routes, checks the signature, runs the route and writes the answer. Jetty keeps
 * response header names as given, which the SDK needs.
 */
public final class HttpEntry extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEntry.class);
  private static final String API_PREFIX = "/api";

  private final Router router;
  private final AccessCheck access;
  private final StsEndpoint sts;
  private final Faults faults;
  private final AdminRoutes admin;

  public HttpEntry(Router router, AccessCheck access, StsEndpoint sts, Faults faults, AdminRoutes admin) {
    this.router = router;
    this.access = access;
    this.sts = sts;
    this.faults = faults;
    this.admin = admin;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String requestId = UUID.randomUUID().toString().replace("-", "");
    OdpsRequest r = toOdpsRequest(request, requestId);
    String self = request.getHttpURI().getAuthority();
    Route route = resolve(r, self);
    Faults.Applied fault = faults.apply(route.name());
    if (!fault.latency().isZero()) {
      Thread.sleep(fault.latency().toMillis());
    }
    if (fault.drop()) {
      drop(request, r, route, requestId, response, callback);
      return true;
    }
    OdpsResponse answer;
    if (fault.failStatus().isPresent()) {
      int status = fault.failStatus().get();
      answer = ErrorBodies.render(new ServiceException(status, status == 429 ? "FlowExceeded" : "InjectedFault",
          "Fault injected by the local MaxCompute on route " + route.name()), route.tunnel(), requestId);
    } else {
      answer = run(r, route, requestId);
    }
    drain(r.body());
    write(answer, requestId, response, callback);
    return true;
  }

  private Route resolve(OdpsRequest r, String self) {
    if (r.path().startsWith("/__admin/")) {
      return new Route("admin", false, false, () -> admin.handle(r.method(), r.path(), readText(r.body())));
    }
    if (r.params().containsKey("Action") && (r.path().equals("/") || r.path().equals("/sts"))) {
      return new Route(dev.mcsink.localmc.faults.RouteNames.STS, false, false,
          () -> sts.handle(r.method(), withForm(r)));
    }
    return router.route(r, self);
  }

  private OdpsResponse run(OdpsRequest r, Route route, String requestId) {
    try {
      if (route.signed()) {
        access.verify(r);
      }
      return route.action().get();
    } catch (ServiceException e) {
      return ErrorBodies.render(e, route.tunnel(), requestId);
    } catch (NotFoundException e) {
      return ErrorBodies.render(ServiceException.notFound("NoSuchObject", e.getMessage()), route.tunnel(), requestId);
    } catch (IllegalArgumentException e) {
      return ErrorBodies.render(ServiceException.badRequest("InvalidArgument", e.getMessage()), route.tunnel(), requestId);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", r.method(), r.path(), e);
      return ErrorBodies.render(new ServiceException(500, "InternalServerError",
          "The local MaxCompute failed: " + e), route.tunnel(), requestId);
    }
  }

  private static OdpsRequest toOdpsRequest(Request request, String requestId) {
    String path = request.getHttpURI().getDecodedPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
      path = path.substring(API_PREFIX.length());
      if (path.isEmpty()) {
        path = "/";
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getName(), field.getValue());
    }
    return new OdpsRequest(request.getMethod(), path, SignedRequest.parseQuery(request.getHttpURI().getQuery()),
        headers, Content.Source.asInputStream(request), requestId);
  }

  /** STS clients may send their parameters as a form body. */
  private static Map<String, String> withForm(OdpsRequest r) {
    Map<String, String> all = new LinkedHashMap<>(r.params());
    String contentType = r.header("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      SignedRequest.parseQuery(readText(r.body())).forEach(all::putIfAbsent);
    }
    return all;
  }

  private static String readText(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ServiceException.badRequest("InvalidArgument", "The body could not be read: " + e.getMessage());
    }
  }

  private static void drain(InputStream body) {
    try {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // The client went away; nothing to answer.
    }
  }

  private static void write(OdpsResponse answer, String requestId, Response response, Callback callback) {
    head(answer, requestId, response);
    try {
      if (answer.headers().containsKey("Content-Encoding") || "application/octet-stream".equals(answer.headers().get("Content-Type"))) {
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
          answer.writeBody(out);
        }
      } else {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        answer.writeBody(buffer);
        response.getHeaders().put("Content-Length", String.valueOf(buffer.size()));
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
          buffer.writeTo(out);
        }
      }
      callback.succeeded();
    } catch (Throwable t) {
      callback.failed(t);
    }
  }

  /**
   * Closes the connection in the middle of a body, as a network failure would. A request that has a
   * body (a block, a stream pack) is cut while it is being sent: nothing is done. Otherwise the
   * request is carried out and its answer cut after the headers and half the body (before the
   * status line if the body is empty): the work is done but the client cannot know it.
   */
  private void drop(Request request, OdpsRequest r, Route route, String requestId, Response response,
      Callback callback) throws IOException {
    if (r.body().readNBytes(4096).length > 0) {
      closeAbruptly(request, callback);
      return;
    }
    OdpsResponse answer = run(r, route, requestId);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    answer.writeBody(body);
    if (body.size() > 0) {
      head(answer, requestId, response);
      response.getHeaders().put("Content-Length", String.valueOf(body.size()));
      OutputStream out = Content.Sink.asOutputStream(response);
      out.write(body.toByteArray(), 0, body.size() / 2);
      out.flush();
    }
    closeAbruptly(request, callback);
  }

  /** Status line and headers of an answer. */
  private static void head(OdpsResponse answer, String requestId, Response response) {
    response.setStatus(answer.status());
    answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put("x-odps-request-id", requestId);
  }

  private static void closeAbruptly(Request request, Callback callback) {
    request.getConnectionMetaData().getConnection().getEndPoint().close();
    callback.failed(new EofException("connection dropped by an injected fault"));
  }
}
