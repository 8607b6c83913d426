package dev.mcsink.localmc.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hashes both signature schemes are built from. */
final class Hmac {
  private Hmac() {}

  static byte[] sha1(byte[] key, String data) {
    return compute("HmacSHA1", key, data);
  }

  static byte[] sha256(byte[] key, String data) {
    return compute("HmacSHA256", key, data);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Compares in constant time so response timing does not reveal how much of a signature matched. */
  static boolean sameText(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(utf8(expected), utf8(actual));
  }

  private static byte[] compute(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(utf8(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }
}
