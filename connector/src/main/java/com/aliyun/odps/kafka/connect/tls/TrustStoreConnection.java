package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.odps.commons.transport.Connection;
import com.aliyun.odps.commons.transport.DefaultResponse;
import com.aliyun.odps.commons.transport.Headers;
import com.aliyun.odps.commons.transport.Request;
import com.aliyun.odps.commons.transport.Response;
import com.aliyun.odps.rest.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.mail.internet.MimeUtility;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP exchange of the SDK over {@link HttpURLConnection}, as the SDK's own connection makes
 * it (timeouts from the client, fixed-length or chunked bodies, header values MIME-decoded, gzip
 * bodies inflated), except that https connections use the given socket factory. The host name is
 * still checked against the certificate by the JDK.
 */
final class TrustStoreConnection implements Connection {
  private final SSLSocketFactory sockets;
  private final Proxy proxy;
  private HttpURLConnection conn;

  TrustStoreConnection(SSLSocketFactory sockets, Proxy proxy) {
    this.sockets = sockets;
    this.proxy = proxy;
  }

  @Override
  public void connect(Request req) throws IOException {
    URI uri = req.getURI();
    if (uri == null || uri.getScheme() == null) {
      throw new IllegalArgumentException("Request URI(http or https) required.");
    }
    URL url;
    try {
      url = uri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid request URI: " + uri, e);
    }
    conn = (HttpURLConnection) (proxy == null ? url.openConnection() : url.openConnection(proxy));
    if (conn instanceof HttpsURLConnection) {
      ((HttpsURLConnection) conn).setSSLSocketFactory(sockets);
    }
    RestClient client = req.getRestClient();
    conn.setDoInput(true);
    conn.setDoOutput(true);
    conn.setReadTimeout(client.getReadTimeout() * 1000);
    conn.setConnectTimeout(client.getConnectTimeout() * 1000);
    conn.setRequestMethod(req.getMethod().toString());
    if (req.getBody() != null) {
      conn.setRequestProperty(Headers.CONTENT_LENGTH, String.valueOf(req.getBodyLength()));
      conn.setFixedLengthStreamingMode(req.getBodyLength());
    }
    if (req.getHeaders() != null) {
      for (Map.Entry<String, String> header : req.getHeaders().entrySet()) {
        conn.setRequestProperty(header.getKey(), header.getValue());
        if (Headers.TRANSFER_ENCODING.equalsIgnoreCase(header.getKey())
            && Headers.CHUNKED.equalsIgnoreCase(header.getValue())) {
          conn.setChunkedStreamingMode(client.getChunkSize());
        }
      }
    }
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return connected().getOutputStream();
  }

  @Override
  public Response getResponse() throws IOException {
    HttpURLConnection c = connected();
    ReceivedResponse response = new ReceivedResponse(c.getResponseCode(), c.getResponseMessage());
    for (Map.Entry<String, List<String>> field : c.getHeaderFields().entrySet()) {
      StringBuilder value = new StringBuilder();
      for (String part : field.getValue()) {
        if (value.length() > 0) {
          value.append(',');
        }
        value.append(MimeUtility.decodeText(part));
      }
      response.getHeaders().put(Headers.toCaseSensitiveHeaderName(field.getKey()), value.toString());
    }
    return response;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    HttpURLConnection c = connected();
    InputStream in = c.getResponseCode() / 100 < 4 ? c.getInputStream() : c.getErrorStream();
    if (in == null) {
      throw new IOException("Invalid connection.");
    }
    return "gzip".equalsIgnoreCase(c.getHeaderField(Headers.CONTENT_ENCODING)) ? new GZIPInputStream(in) : in;
  }

  @Override
  public void disconnect() throws IOException {
    connected().disconnect();
  }

  private HttpURLConnection connected() throws IOException {
    if (conn == null) {
      throw new IOException("Invalid connection.");
    }
    return conn;
  }

  /**
   * The SDK's {@code DefaultTransport.request()} casts responses to {@link DefaultResponse} and
   * sets the body itself; its status setters are package-private, the fields protected.
   */
  private static final class ReceivedResponse extends DefaultResponse {
    ReceivedResponse(int status, String message) {
      this.status = status;
      this.message = message;
    }
  }
}
