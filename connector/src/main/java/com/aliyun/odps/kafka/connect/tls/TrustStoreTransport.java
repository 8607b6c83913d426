package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.odps.commons.transport.Connection;
import com.aliyun.odps.commons.transport.DefaultTransport;
import com.aliyun.odps.commons.transport.Request;
import java.io.IOException;
import java.net.Proxy;
import javax.net.ssl.SSLSocketFactory;

/**
 * The SDK's transport, with connections that trust the configured certificates: the SDK's own
 * connection opens {@code HttpURLConnection}s on the JVM's default trust and offers no other choice
 * than trusting everything. {@code request()} is the SDK's, which calls {@link #connect}.
 */
final class TrustStoreTransport extends DefaultTransport {
  private final SSLSocketFactory sockets;
  private volatile Proxy proxy;

  TrustStoreTransport(SSLSocketFactory sockets) {
    this.sockets = sockets;
  }

  @Override
  public Connection connect(Request req) throws IOException {
    TrustStoreConnection connection = new TrustStoreConnection(sockets, proxy);
    connection.connect(req);
    return connection;
  }

  @Override
  public void setProxy(Proxy proxy) {
    this.proxy = proxy;
    super.setProxy(proxy);
  }
}
