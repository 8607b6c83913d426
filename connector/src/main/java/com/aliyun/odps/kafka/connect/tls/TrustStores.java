package com.aliyun.odps.kafka.connect.tls;

import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_PASSWORD;
import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_TYPE;

import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns {@code ssl_truststore_*} into the socket factory of this connector's https connections:
 * the store's certificates and the JVM's default CAs are trusted (so that a store made for a
 * private MaxCompute endpoint does not cut off a public STS or Tunnel endpoint). Nothing JVM-wide
 * is touched: several connectors share a worker.
 */
public final class TrustStores {
  private TrustStores() {
  }

  /** @throws UnusableTrustStoreException naming the key to change */
  public static SSLSocketFactory socketFactory(TrustStoreFile file) {
    TrustManagerFactory trust = trustManagers(file);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + ": no TLS context can be made with it: " + e.getMessage());
    }
  }

  /**
   * The store's certificates and the JVM's default CAs, for clients that build their own TLS (the
   * upsert session's Netty channels).
   *
   * @throws UnusableTrustStoreException naming the key to change
   */
  public static TrustManagerFactory trustManagers(TrustStoreFile file) {
    KeyStore given = load(file);
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(withJvmDefaults(given));
      return trust;
    } catch (GeneralSecurityException | IOException e) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + ": no TLS context can be made with it: " + e.getMessage());
    }
  }

  /** Reads the store and checks that it holds certificates. */
  static KeyStore load(TrustStoreFile file) {
    Path path = pathOf(file);
    if (!Files.isRegularFile(path)) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + (Files.exists(path) ? " is not a file" : ": no such file on this worker"));
    }
    if (!Files.isReadable(path)) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION, described(file) + " cannot be read by the worker");
    }
    KeyStore store = emptyStore(file);
    char[] password = file.password().isEmpty() ? null : file.password().toCharArray();
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new UnusableTrustStoreException(SSL_TRUSTSTORE_PASSWORD,
            described(file) + " cannot be opened with " + SSL_TRUSTSTORE_PASSWORD + ": wrong password");
      }
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + " is not a " + file.type() + " key store: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + " cannot be read: " + e.getMessage());
    }
    if (certificates(store) == 0) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION, described(file) + " holds no certificate"
          + (password == null
              ? " (a PKCS12 store shows its certificates only with " + SSL_TRUSTSTORE_PASSWORD + ")"
              : ""));
    }
    return store;
  }

  private static Path pathOf(TrustStoreFile file) {
    try {
      return Path.of(file.location());
    } catch (InvalidPathException e) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_LOCATION,
          described(file) + " is not a path: " + e.getMessage());
    }
  }

  private static KeyStore emptyStore(TrustStoreFile file) {
    try {
      return KeyStore.getInstance(file.type());
    } catch (KeyStoreException e) {
      throw new UnusableTrustStoreException(SSL_TRUSTSTORE_TYPE,
          SSL_TRUSTSTORE_TYPE + " '" + file.type() + "' is not a key store type this JVM knows; use PKCS12 or JKS");
    }
  }

  private static int certificates(KeyStore store) {
    try {
      int count = 0;
      for (String alias : Collections.list(store.aliases())) {
        if (store.getCertificate(alias) != null) {
          count++;
        }
      }
      return count;
    } catch (KeyStoreException e) {
      return 0;
    }
  }

  /** One in-memory store with the JVM's default CAs and every certificate of {@code given}. */
  private static KeyStore withJvmDefaults(KeyStore given) throws GeneralSecurityException, IOException {
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
    merged.load(null, null);
    int n = 0;
    for (TrustManager manager : defaults.getTrustManagers()) {
      if (manager instanceof X509TrustManager) {
        for (X509Certificate ca : ((X509TrustManager) manager).getAcceptedIssuers()) {
          merged.setCertificateEntry("jvm-" + n++, ca);
        }
      }
    }
    for (String alias : Collections.list(given.aliases())) {
      Certificate certificate = given.getCertificate(alias);
      if (certificate != null) {
        merged.setCertificateEntry("given-" + alias, certificate);
      }
    }
    return merged;
  }

  private static String described(TrustStoreFile file) {
    return SSL_TRUSTSTORE_LOCATION + " '" + file.location() + "'";
  }
}
