package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.credentials.http.CompatibleUrlConnClient;
import com.aliyun.credentials.http.HttpRequest;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP client of Alibaba's credentials library (which calls STS over https only), with the
 * configured trust instead of the JVM's default: the library builds each connection in
 * {@code initHttpConnection} and opens it afterwards, so the socket factory is replaced in between.
 * Its host name check (OkHttp's verifier) stays.
 */
public final class TrustStoreStsClient extends CompatibleUrlConnClient {
  private final SSLSocketFactory sockets;

  public TrustStoreStsClient(SSLSocketFactory sockets) {
    this.sockets = sockets;
  }

  @Override
  public HttpURLConnection initHttpConnection(URL url, HttpRequest request) {
    HttpURLConnection connection = super.initHttpConnection(url, request);
    if (connection instanceof HttpsURLConnection) {
      ((HttpsURLConnection) connection).setSSLSocketFactory(sockets);
    }
    return connection;
  }
}
