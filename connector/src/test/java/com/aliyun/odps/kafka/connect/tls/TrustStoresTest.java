package com.aliyun.odps.kafka.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.config.TrustStoreFile;
import dev.mcsink.localmc.tls.SelfSignedTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading {@code ssl_truststore_*}: what works, and which key each failure names. */
class TrustStoresTest {
  private static final String PASSWORD = "store-pw-5e81";

  @TempDir
  static Path dir;
  private static Path pkcs12;
  private static Path jks;

  @BeforeAll
  static void makeStores() throws Exception {
    Path certificate = SelfSignedTls.createIn(dir.resolve("tls")).trustStore();
    pkcs12 = LocalTrust.copy(certificate, dir.resolve("trust.p12"), "PKCS12", PASSWORD);
    jks = LocalTrust.copy(certificate, dir.resolve("trust.jks"), "JKS", PASSWORD);
  }

  private static UnusableTrustStoreException failure(TrustStoreFile file) {
    try {
      TrustStores.socketFactory(file);
    } catch (UnusableTrustStoreException e) {
      return e;
    }
    throw new AssertionError("no failure for " + file);
  }

  @Test
  void aPkcs12OrJksStoreWithItsPasswordGivesASocketFactory() {
    assertThat(TrustStores.socketFactory(new TrustStoreFile(pkcs12.toString(), PASSWORD, "PKCS12"))).isNotNull();
    assertThat(TrustStores.socketFactory(new TrustStoreFile(jks.toString(), PASSWORD, "jks"))).isNotNull();
  }

  @Test
  void theStoresCertificateIsLoaded() throws Exception {
    KeyStore store = TrustStores.load(new TrustStoreFile(pkcs12.toString(), PASSWORD, "PKCS12"));

    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aMissingFileIsNamedOnTheLocation() {
    Path missing = dir.resolve("nowhere.p12");

    UnusableTrustStoreException e = failure(new TrustStoreFile(missing.toString(), PASSWORD, "PKCS12"));

    assertThat(e.configKey()).isEqualTo("ssl_truststore_location");
    assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
  }

  @Test
  void aDirectoryIsNotAFile() {
    UnusableTrustStoreException e = failure(new TrustStoreFile(dir.toString(), PASSWORD, "PKCS12"));

    assertThat(e.configKey()).isEqualTo("ssl_truststore_location");
    assertThat(e).hasMessageContaining("is not a file");
  }

  @Test
  void aWrongPasswordIsNamedOnThePasswordWithoutShowingIt() {
    for (Path store : new Path[] {pkcs12, jks}) {
      UnusableTrustStoreException e = failure(new TrustStoreFile(store.toString(), "guessed-pw-0042", "PKCS12"));

      assertThat(e.configKey()).as(store.toString()).isEqualTo("ssl_truststore_password");
      assertThat(e).hasMessageContaining(store.toString()).hasMessageContaining("wrong password")
          .hasMessageNotContaining("guessed-pw-0042").hasMessageNotContaining(PASSWORD);
    }
  }

  @Test
  void aFileThatIsNoKeyStoreIsNamedOnTheLocation() throws Exception {
    Path text = Files.writeString(dir.resolve("not-a-store.txt"), "-----BEGIN NOTHING-----");

    UnusableTrustStoreException e = failure(new TrustStoreFile(text.toString(), PASSWORD, "PKCS12"));

    assertThat(e.configKey()).isEqualTo("ssl_truststore_location");
    assertThat(e).hasMessageContaining("is not a PKCS12 key store");
  }

  @Test
  void anEmptyStoreIsRefused() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    Path file = dir.resolve("empty.p12");
    try (var out = Files.newOutputStream(file)) {
      empty.store(out, PASSWORD.toCharArray());
    }

    UnusableTrustStoreException e = failure(new TrustStoreFile(file.toString(), PASSWORD, "PKCS12"));

    assertThat(e.configKey()).isEqualTo("ssl_truststore_location");
    assertThat(e).hasMessageContaining("holds no certificate");
  }

  @Test
  void anUnknownTypeIsNamedOnTheType() {
    UnusableTrustStoreException e = failure(new TrustStoreFile(pkcs12.toString(), PASSWORD, "NOPE"));

    assertThat(e.configKey()).isEqualTo("ssl_truststore_type");
    assertThat(e).hasMessageContaining("NOPE");
  }
}
