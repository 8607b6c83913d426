package com.aliyun.odps.kafka.connect.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When temporary credentials are refreshed, as pure arithmetic on instants (so it is tested
 * without waiting).
 *
 * <ul>
 *   <li>A token is replaced when less than its <em>margin</em> is left: 20% of its lifetime, at
 *       least {@link #MIN_MARGIN} (requests in flight and clock skew), at most half its lifetime
 *       (so a very short token is not refreshed continuously).
 *   <li>{@code client_timeout_ms} caps the time between refreshes.
 *   <li>A failed refresh is retried with exponential backoff, never later than the moment the
 *       current token would drop below {@link #SIGNING_FLOOR}.
 *   <li>No request is signed with a token that has less than {@link #SIGNING_FLOOR} left while a
 *       fresher one can be had.
 * </ul>
 */
public final class RefreshPolicy {
  static final Duration MIN_MARGIN = Duration.ofSeconds(3);
  static final Duration SIGNING_FLOOR = Duration.ofSeconds(1);
  /** No refresh loop faster than this, whatever the token or the cap says. */
  static final Duration MIN_INTERVAL = Duration.ofMillis(500);
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration MAX_RETRY = Duration.ofSeconds(60);
  /** A provider nobody asked for credentials for this long stops refreshing (see {@link #isIdle}). */
  static final Duration MIN_IDLE = Duration.ofMinutes(10);
  private static final int MARGIN_PERCENT = 20;

  private final Duration maxInterval;

  /** @param maxInterval the cap on the time between refreshes ({@code client_timeout_ms}) */
  public RefreshPolicy(Duration maxInterval) {
    this.maxInterval = Objects.requireNonNull(maxInterval, "maxInterval");
  }

  public Duration maxInterval() {
    return maxInterval;
  }

  /** How much of a token's lifetime is kept in reserve. */
  static Duration margin(Duration lifetime) {
    Duration proportional = lifetime.multipliedBy(MARGIN_PERCENT).dividedBy(100);
    Duration margin = max(proportional, MIN_MARGIN);
    return min(margin, lifetime.dividedBy(2));
  }

  /**
   * How long after {@code now} to refresh a token received at {@code receivedAt} that expires at
   * {@code expiration}.
   */
  Duration nextRefresh(Instant receivedAt, Instant expiration, Instant now) {
    Duration lifetime = nonNegative(Duration.between(receivedAt, expiration));
    Instant beforeExpiry = expiration.minus(margin(lifetime));
    Instant capped = receivedAt.plus(maxInterval);
    Instant at = beforeExpiry.isBefore(capped) ? beforeExpiry : capped;
    return max(Duration.between(now, at), MIN_INTERVAL);
  }

  /** When to try again after {@code failures} consecutive failed refreshes. */
  Duration retryAfter(int failures, Instant expiration, Instant now) {
    Duration backoff = backoff(failures);
    Duration untilFloor = Duration.between(now, expiration.minus(SIGNING_FLOOR));
    if (untilFloor.compareTo(MIN_INTERVAL) <= 0) {
      // The token is gone (requests fetch on the spot): no hurry, don't hammer a failing STS.
      return backoff;
    }
    return min(backoff, untilFloor);
  }

  /** Exponential backoff after {@code failures} consecutive failures: 1 s, 2 s, 4 s... up to a minute. */
  static Duration backoff(int failures) {
    Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return min(backoff, MAX_RETRY);
  }

  /** Whether requests may still be signed with a token expiring at {@code expiration}. */
  boolean usable(Instant expiration, Instant now) {
    return !now.plus(SIGNING_FLOOR).isAfter(expiration);
  }

  /**
   * Whether a provider last used at {@code lastUse} should stop refreshing in the background: no
   * use for a token's lifetime (at least {@link #MIN_IDLE}). Its next use fetches on the spot. This
   * keeps a provider nobody closed from calling STS forever.
   */
  boolean isIdle(Instant lastUse, Duration lifetime, Instant now) {
    return Duration.between(lastUse, now).compareTo(max(lifetime, MIN_IDLE)) > 0;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
