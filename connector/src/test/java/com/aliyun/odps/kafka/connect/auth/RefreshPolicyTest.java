package com.aliyun.odps.kafka.connect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final RefreshPolicy ELEVEN_HOURS = new RefreshPolicy(Duration.ofHours(11));

  @Test
  void anHourTokenIsRefreshedWhenAFifthOfItsLifetimeIsLeft() {
    Duration delay = ELEVEN_HOURS.nextRefresh(T0, T0.plus(Duration.ofHours(1)), T0);

    assertThat(delay).isEqualTo(Duration.ofMinutes(48));
  }

  @Test
  void theRefreshFollowsTheRealExpiryNotAnAssumedHour() {
    Duration delay = ELEVEN_HOURS.nextRefresh(T0, T0.plus(Duration.ofMinutes(15)), T0);

    assertThat(delay).isEqualTo(Duration.ofMinutes(12));
  }

  @Test
  void clientTimeoutCapsTheRefreshInterval() {
    RefreshPolicy capped = new RefreshPolicy(Duration.ofMinutes(10));

    assertThat(capped.nextRefresh(T0, T0.plus(Duration.ofHours(1)), T0)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aFiveSecondTokenKeepsAtLeastHalfItsLifeInReserveAndAtMostTheMinimumMargin() {
    // 20% of 5 s is 1 s, below the 3 s minimum margin, which is above half the lifetime (2.5 s).
    assertThat(RefreshPolicy.margin(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(2500));
    assertThat(ELEVEN_HOURS.nextRefresh(T0, T0.plusSeconds(5), T0)).isEqualTo(Duration.ofMillis(2500));
    // 20% of 10 s is 2 s: the 3 s minimum applies.
    assertThat(RefreshPolicy.margin(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theDelayIsCountedFromNowAndNeverShorterThanTheMinimumInterval() {
    Instant receivedAt = T0;
    Instant expiration = T0.plus(Duration.ofHours(1));

    assertThat(ELEVEN_HOURS.nextRefresh(receivedAt, expiration, T0.plus(Duration.ofMinutes(40))))
        .isEqualTo(Duration.ofMinutes(8));
    assertThat(ELEVEN_HOURS.nextRefresh(receivedAt, expiration, T0.plus(Duration.ofMinutes(59))))
        .isEqualTo(RefreshPolicy.MIN_INTERVAL);
    assertThat(new RefreshPolicy(Duration.ofMillis(1)).nextRefresh(receivedAt, expiration, T0))
        .isEqualTo(RefreshPolicy.MIN_INTERVAL);
  }

  @Test
  void failedRefreshesBackOffExponentiallyUpToAMinute() {
    Instant farExpiry = T0.plus(Duration.ofHours(1));

    assertThat(ELEVEN_HOURS.retryAfter(1, farExpiry, T0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ELEVEN_HOURS.retryAfter(2, farExpiry, T0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(ELEVEN_HOURS.retryAfter(4, farExpiry, T0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(ELEVEN_HOURS.retryAfter(30, farExpiry, T0)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aRetryComesBeforeTheCurrentTokenDropsBelowTheSigningFloor() {
    Instant expiration = T0.plusSeconds(5);

    assertThat(ELEVEN_HOURS.retryAfter(5, expiration, T0)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void onceTheTokenIsGoneRetriesBackOffWithoutHurry() {
    Instant expiration = T0.plusSeconds(5);

    assertThat(ELEVEN_HOURS.retryAfter(1, expiration, T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    assertThat(ELEVEN_HOURS.retryAfter(6, expiration, T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void aTokenIsUsableForSigningUntilASecondBeforeItExpires() {
    Instant expiration = T0.plusSeconds(10);

    assertThat(ELEVEN_HOURS.usable(expiration, T0.plusSeconds(9))).isTrue();
    assertThat(ELEVEN_HOURS.usable(expiration, T0.plusMillis(9001))).isFalse();
  }

  @Test
  void aProviderIsIdleAfterATokenLifetimeWithoutUseAndAtLeastTenMinutes() {
    assertThat(ELEVEN_HOURS.isIdle(T0, Duration.ofSeconds(5), T0.plus(Duration.ofMinutes(9)))).isFalse();
    assertThat(ELEVEN_HOURS.isIdle(T0, Duration.ofSeconds(5), T0.plus(Duration.ofMinutes(11)))).isTrue();
    assertThat(ELEVEN_HOURS.isIdle(T0, Duration.ofHours(1), T0.plus(Duration.ofMinutes(50)))).isFalse();
  }
}
