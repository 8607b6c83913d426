package com.aliyun.odps.kafka.connect.tls;

import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;

/**
 * The local MaxCompute over https: it answers TLS on its one port with a self-signed certificate
 * for 127.0.0.1, which no JVM trusts by default, and hands out a PKCS12 trust store holding it.
 */
public final class LocalTrust {
  private LocalTrust() {
  }

  /** {@code https://127.0.0.1:PORT/api}: the same port speaks http and https. */
  public static String httpsEndpoint(LocalMaxCompute mc) {
    return mc.endpoint().replaceFirst("^http:", "https:");
  }

  /**
   * A copy at {@code target} of a trust store made by {@link SelfSignedTls} (such as the service's),
   * of another type and with another password.
   */
  public static Path copy(Path selfSignedTrustStore, Path target, String type, String password) throws Exception {
    KeyStore source = KeyStore.getInstance(TrustStoreFile.DEFAULT_TYPE);
    try (InputStream in = Files.newInputStream(selfSignedTrustStore)) {
      source.load(in, SelfSignedTls.PASSWORD.toCharArray());
    }
    KeyStore copy = KeyStore.getInstance(type);
    copy.load(null, null);
    for (String alias : Collections.list(source.aliases())) {
      Certificate certificate = source.getCertificate(alias);
      copy.setCertificateEntry(alias, certificate);
    }
    try (OutputStream out = Files.newOutputStream(target)) {
      copy.store(out, password.toCharArray());
    }
    return target;
  }
}
