package dev.mcsink.localmc.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AccessKey pairs the server accepts: the configured permanent ones plus the temporary ones
 * STS issued. Thread-safe. Expired temporary credentials are kept (so a late request is told
 * "expired", not "unknown key") until they are a day past expiry.
 */
public final class Accounts {
  private static final Duration KEEP_EXPIRED = Duration.ofDays(1);
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Map<String, PermanentCredential> permanent;
  private final Map<String, TemporaryCredential> temporary = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Accounts(Map<String, String> permanentKeys, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, PermanentCredential> keys = new ConcurrentHashMap<>();
    permanentKeys.forEach((id, secret) -> keys.put(id, new PermanentCredential(id, secret)));
    this.permanent = Map.copyOf(keys);
  }

  public Clock clock() {
    return clock;
  }

  /** The credential with this access id, temporary ones included even when expired. */
  public Optional<Credential> find(String accessId) {
    if (accessId == null) {
      return Optional.empty();
    }
    Credential found = permanent.get(accessId);
    if (found == null) {
      found = temporary.get(accessId);
    }
    return Optional.ofNullable(found);
  }

  /**
   * Issues a temporary credential on behalf of a permanent key. The expiration is cut to whole
   * seconds because STS reports it as {@code yyyy-MM-dd'T'HH:mm:ss'Z'}: the instant a client is
   * told must be the instant the server enforces.
   *
   * @throws IllegalArgumentException if the caller is not a permanent key or the lifetime is not
   *     positive
   */
  public TemporaryCredential issue(String callerAccessId, String roleArn, Duration lifetime) {
    if (!permanent.containsKey(callerAccessId)) {
      throw new IllegalArgumentException("not a permanent access id: " + callerAccessId);
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    Instant now = clock.instant();
    forgetLongExpired(now);
    Instant expiration = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    TemporaryCredential credential;
    do {
      credential = new TemporaryCredential(
          "STS." + randomText(24),
          randomText(44),
          "CAIS" + randomText(220),
          expiration,
          callerAccessId,
          roleArn);
    } while (temporary.putIfAbsent(credential.accessId(), credential) != null);
    return credential;
  }

  private void forgetLongExpired(Instant now) {
    Instant cutoff = now.minus(KEEP_EXPIRED);
    temporary.values().removeIf(c -> c.expiration().isBefore(cutoff));
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }
}
