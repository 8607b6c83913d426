package com.aliyun.odps.kafka.connect.it;

import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** Connect's REST answers as the bytes a client gets, to search for what they must not hold. */
final class ConnectRest {
  private ConnectRest() {
  }

  /** The body of {@code GET /<resource>}, which must answer 200. */
  static String get(EmbeddedConnectCluster connect, String resource) {
    Response response = connect.requestGet(connect.endpointForResource(resource));
    String body = String.valueOf(response.getEntity());
    if (response.getStatus() != 200) {
      throw new AssertionError("GET /" + resource + " answered " + response.getStatus() + ": " + body);
    }
    return body;
  }
}
