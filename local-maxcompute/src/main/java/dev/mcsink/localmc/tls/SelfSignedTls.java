package dev.mcsink.localmc.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool (no extra
 * library): the service answers https on its port with it, because Alibaba's credentials library
 * always calls STS over https and checks the certificate against the JVM's trust store.
 * Clients trust it through {@link #trustStore()} (PKCS12, password {@value #PASSWORD}).
 */
public final class SelfSignedTls {
  public static final String PASSWORD = "changeit";

  private final Path keyStore;
  private final Path trustStore;

  private SelfSignedTls(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  public Path keyStore() {
    return keyStore;
  }

  public Path trustStore() {
    return trustStore;
  }

  /** The certificate kept in {@code dir}, made there on first use. */
  public static SelfSignedTls in(Path dir) throws IOException, InterruptedException {
    if (Files.exists(dir.resolve("trust.p12")) && Files.exists(dir.resolve("server.p12"))) {
      return new SelfSignedTls(dir.resolve("server.p12"), dir.resolve("trust.p12"));
    }
    return createIn(dir);
  }

  public static SelfSignedTls createIn(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path keyStore = dir.resolve("server.p12");
    Path certificate = dir.resolve("server.cer");
    Path trustStore = dir.resolve("trust.p12");
    Files.deleteIfExists(keyStore);
    Files.deleteIfExists(trustStore);
    Files.deleteIfExists(certificate);
    keytool("-genkeypair", "-alias", "sts", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3650",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "sts", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "sts", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    return new SelfSignedTls(keyStore, trustStore);
  }

  public SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** Makes the JVM's default trust store this certificate until the returned handle is closed. */
  public AutoCloseable trustGlobally() {
    String[] names = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
        "javax.net.ssl.trustStoreType"};
    String[] previous = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      previous[i] = System.getProperty(names[i]);
    }
    System.setProperty(names[0], trustStore.toString());
    System.setProperty(names[1], PASSWORD);
    System.setProperty(names[2], "PKCS12");
    return () -> {
      for (int i = 0; i < names.length; i++) {
        if (previous[i] == null) {
          System.clearProperty(names[i]);
        } else {
          System.setProperty(names[i], previous[i]);
        }
      }
    };
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + command + "\n" + output);
    }
  }
}
