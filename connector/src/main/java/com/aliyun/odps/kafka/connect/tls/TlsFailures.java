package com.aliyun.odps.kafka.connect.tls;

import static com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig.SSL_TRUSTSTORE_LOCATION;

import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import com.aliyun.odps.kafka.connect.errors.CauseChain;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Says what to do about a failed TLS handshake, which the SDK reports as the JDK's bare "PKIX path
 * building failed" (not retried: a certificate does not become trusted by waiting).
 */
public final class TlsFailures {
  private TlsFailures() {
  }

  /** The explanation when {@code failure} was caused by TLS, else empty. */
  public static Optional<String> explain(Throwable failure, String endpoint, TrustStoreFile trustStore) {
    return Optional.ofNullable(CauseChain.first(failure, SSLException.class))
        .map(tls -> "TLS with " + endpoint + " failed (" + tls.getMessage() + "): " + hint(trustStore));
  }

  private static String hint(TrustStoreFile trustStore) {
    if (!trustStore.isConfigured()) {
      return "if the service's certificate is self-signed or from a private CA, give it (or the CA) in "
          + SSL_TRUSTSTORE_LOCATION;
    }
    return "the certificate is signed neither by the JVM's default CAs nor by a certificate in "
        + SSL_TRUSTSTORE_LOCATION + " '" + trustStore.location() + "', or it does not name the endpoint's host";
  }
}
