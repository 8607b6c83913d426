package dev.mcsink.localmc.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Error answers: XML on REST routes, JSON on tunnel routes, as the SDK parses each. */
final class ErrorBodies {
  private ErrorBodies() {}

  static OdpsResponse render(ServiceException e, boolean tunnel, String requestId) {
    OdpsResponse response = body(e, tunnel, requestId);
    e.headers().forEach(response::header);
    return response;
  }

  private static OdpsResponse body(ServiceException e, boolean tunnel, String requestId) {
    if (tunnel) {
      String json = JsonNodeFactory.instance.objectNode()
          .put("Code", e.code()).put("Message", e.getMessage()).put("RequestId", requestId).toString();
      return OdpsResponse.json(e.status(), json);
    }
    String xml = new Xml().open("Error").element("Code", e.code()).element("Message", e.getMessage())
        .element("RequestId", requestId).element("HostId", "localhost").close("Error").toString();
    return OdpsResponse.xml(e.status(), xml);
  }
}
