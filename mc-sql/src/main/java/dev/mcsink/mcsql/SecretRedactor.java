package dev.mcsink.mcsql;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Blanks out the AccessKey secret in anything mc-sql prints. The key can reach a message through
 * an echoed command-line argument or an exception text built by a library, so every line to
 * stdout/stderr that is not query data passes through here (bin/verify-delivery uses it too).
 */
public final class SecretRedactor {
  public static final String MASK = "****";

  private final Set<String> secrets = new LinkedHashSet<>();

  /** Collects the key from {@code --access-key K}, {@code --access-key=K} and MC_ACCESS_KEY. */
  public static SecretRedactor forInvocation(String[] args, Map<String, String> env) {
    SecretRedactor redactor = new SecretRedactor();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--access-key") && i + 1 < args.length) {
        redactor.add(args[i + 1]);
      } else if (args[i].startsWith("--access-key=")) {
        redactor.add(args[i].substring("--access-key=".length()));
      }
    }
    redactor.add(env.get(ConnectionSettings.ENV_ACCESS_KEY));
    return redactor;
  }

  public void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
