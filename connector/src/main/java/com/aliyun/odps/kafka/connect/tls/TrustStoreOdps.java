package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.commons.transport.Transport;
import com.aliyun.odps.rest.RestClient;
import java.lang.reflect.Field;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link Odps} whose requests trust the configured certificates, and so do those of its clones:
 * the Tunnel makes its clients by cloning the {@code Odps} it is given.
 *
 * <p>SDK 0.57.1 has no public way to give a client its own trust: {@code Odps} builds its
 * {@link RestClient} on a {@code DefaultTransport} in its constructor, every part of the client
 * (projects, tables...) keeps that {@code RestClient}, and its {@code transport} field is final.
 * The transport is therefore swapped inside that one {@code RestClient} by reflection, right after
 * construction, before any request. The alternatives are JVM-wide ({@code javax.net.ssl.*}
 * properties, the default {@code SSLContext}) and would change every connector of the worker.
 */
public final class TrustStoreOdps extends Odps {
  private final SSLSocketFactory sockets;

  public TrustStoreOdps(Account account, SSLSocketFactory sockets) {
    super(account);
    this.sockets = sockets;
    useOwnTransport();
  }

  private TrustStoreOdps(TrustStoreOdps original) {
    super(original);
    this.sockets = original.sockets;
    useOwnTransport();
  }

  @Override
  public Odps clone() {
    return new TrustStoreOdps(this);
  }

  private void useOwnTransport() {
    RestClient client = getRestClient();
    TrustStoreTransport transport = new TrustStoreTransport(sockets);
    transport.setProxy(client.getProxy());
    replaceTransport(client, transport);
  }

  private static void replaceTransport(RestClient client, Transport transport) {
    try {
      Field field = RestClient.class.getDeclaredField("transport");
      field.setAccessible(true);
      field.set(client, transport);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("This MaxCompute SDK gives no way to apply ssl_truststore_location"
          + " (RestClient.transport cannot be replaced): " + e, e);
    }
  }
}
