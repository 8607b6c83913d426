package com.aliyun.odps.kafka.connect.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class RefreshingCredentialsProviderTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration ELEVEN_HOURS = Duration.ofHours(11);

  private final MutableClock clock = MutableClock.of(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final ScriptedSource source = new ScriptedSource(clock);
  private final List<Duration> sleeps = new ArrayList<>();
  private RefreshingCredentialsProvider provider;

  @AfterEach
  void close() {
    if (provider != null) {
      provider.close();
    }
  }

  private RefreshingCredentialsProvider started(Duration maxInterval, int attempts) {
    provider = new RefreshingCredentialsProvider(source, new RefreshPolicy(maxInterval), clock, scheduler, d -> {
      sleeps.add(d);
      clock.add(d);
    });
    provider.fetchFirst(attempts);
    return provider;
  }

  @Test
  void theFirstTokenIsFetchedAtStartAndItsRefreshScheduledBeforeItsRealExpiry() {
    source.thenToken(Duration.ofMinutes(15));

    started(ELEVEN_HOURS, 1);

    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-1");
    assertThat(provider.getCredentials().getSecurityToken()).isEqualTo("token-1");
    assertThat(scheduler.takeOnly().delay).isEqualTo(Duration.ofMinutes(12));
    assertThat(source.calls()).isEqualTo(1);
  }

  @Test
  void theBackgroundRefreshReplacesTheTokenAndSchedulesTheNextFromTheNewExpiry() {
    source.thenToken(HOUR).thenToken(Duration.ofMinutes(30));
    started(ELEVEN_HOURS, 1);

    scheduler.runNext();

    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-2");
    assertThat(scheduler.takeOnly().delay).isEqualTo(Duration.ofMinutes(24));
    assertThat(provider.issuedCount()).isEqualTo(2);
  }

  @Test
  void clientTimeoutCapsTheTimeBetweenRefreshes() {
    source.thenToken(HOUR).thenToken(HOUR);
    started(Duration.ofMinutes(5), 1);

    ManualScheduler.Scheduled first = scheduler.pending().get(0);
    scheduler.runNext();

    assertThat(first.delay).isEqualTo(Duration.ofMinutes(5));
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-2");
    assertThat(scheduler.takeOnly().delay).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aFailedRefreshIsRetriedWithBackoffWhileTheOldTokenIsServed() {
    source.thenToken(HOUR).thenFailure(true).thenFailure(false).thenToken(HOUR);
    started(ELEVEN_HOURS, 1);

    scheduler.runNext(); // fails
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-1");
    ManualScheduler.Scheduled retry = scheduler.pending().get(0);
    assertThat(retry.delay).isEqualTo(Duration.ofSeconds(1));

    scheduler.runNext(); // fails again, even a non-transient failure is retried in the background
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-1");
    assertThat(scheduler.pending().get(0).delay).isEqualTo(Duration.ofSeconds(2));

    scheduler.runNext(); // succeeds
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-2");
    assertThat(scheduler.takeOnly().delay).isEqualTo(Duration.ofMinutes(48));
    assertThat(provider.failureCount()).isEqualTo(2);
  }

  @Test
  void theOldTokenIsServedWhileTheNewOneIsBeingFetched() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    source.thenToken(HOUR).then(() -> {
      fetching.countDown();
      await(answer);
      return new IssuedCredentials("AK-new", "s", "t", clock.instant().plus(HOUR));
    });
    started(ELEVEN_HOURS, 1);
    ManualScheduler.Scheduled refresh = scheduler.takeOnly();
    clock.setInstant(refresh.due);

    CompletableFuture<Void> background = CompletableFuture.runAsync(refresh.task);
    assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
    String duringFetch = CompletableFuture.supplyAsync(() -> provider.getCredentials().getAccessKeyId())
        .get(10, TimeUnit.SECONDS);
    answer.countDown();
    background.get(10, TimeUnit.SECONDS);

    assertThat(duringFetch).isEqualTo("AK-1");
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-new");
  }

  @Test
  void aTokenAboutToExpireIsReplacedOnTheSpotWhenTheBackgroundRefreshIsLate() {
    source.thenToken(Duration.ofSeconds(5)).thenToken(Duration.ofSeconds(5));
    started(ELEVEN_HOURS, 1);
    ManualScheduler.Scheduled late = scheduler.takeOnly(); // due at 2.5 s, but its thread was starved

    clock.add(Duration.ofMillis(4500));

    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-2");
    // When the late refresh finally runs it plans for the new token instead of fetching again.
    late.task.run();
    assertThat(source.calls()).isEqualTo(2);
    assertThat(scheduler.takeOnly().delay).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void requestsNeverGetATokenWithLessThanTheSigningFloorLeftWhileAFreshOneCanBeHad() {
    source.thenToken(Duration.ofSeconds(5));
    for (int i = 0; i < 40; i++) {
      source.thenToken(Duration.ofSeconds(5));
    }
    started(ELEVEN_HOURS, 1);

    // A minute of requests every 100 ms, background refreshes running when due.
    for (int step = 0; step < 600; step++) {
      Instant now = clock.instant();
      ManualScheduler.Scheduled due = scheduler.pending().isEmpty() ? null : scheduler.pending().get(0);
      if (due != null && !due.due.isAfter(now)) {
        scheduler.takeOnly().task.run();
      }
      IssuedCredentials signedWith = provider.getCredentials();
      assertThat(Duration.between(now, signedWith.expiration())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      clock.add(Duration.ofMillis(100));
    }
    // One token per 2.5 s (half of each 5 s token kept in reserve) over the minute.
    assertThat(provider.issuedCount()).isBetween(24L, 26L);
  }

  @Test
  void whenTheTokenHasExpiredAndNoNewOneCanBeHadTheRequestFailsTransiently() {
    source.thenToken(Duration.ofSeconds(5)).thenFailure(true);
    started(ELEVEN_HOURS, 1);
    scheduler.takeOnly();
    clock.add(Duration.ofSeconds(6));

    assertThatThrownBy(() -> provider.getCredentials())
        .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("STS said no");
  }

  @Test
  void aWrongKeyFailsTheStartAtOnceWithoutRetries() {
    source.thenFailure(false);

    assertThatThrownBy(() -> started(ELEVEN_HOURS, 4))
        .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> assertThat(e.configKey()).isEqualTo("access_id"));
    assertThat(source.calls()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aTransientFailureAtStartIsTriedAgainWithBackoff() {
    source.thenFailure(true).thenFailure(true).thenToken(HOUR);

    started(ELEVEN_HOURS, 3);

    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void theStartGivesUpAfterTheGivenAttempts() {
    source.thenFailure(true).thenFailure(true);

    assertThatThrownBy(() -> started(ELEVEN_HOURS, 2)).isInstanceOf(CredentialsUnavailableException.class);
    assertThat(source.calls()).isEqualTo(2);
  }

  @Test
  void anUnusedProviderPausesItsRefreshesAndResumesOnTheNextUse() {
    for (int i = 0; i < 20; i++) {
      source.thenToken(Duration.ofMinutes(2));
    }
    started(ELEVEN_HOURS, 1);

    for (int i = 0; i < 20 && !scheduler.pending().isEmpty(); i++) {
      scheduler.runNext();
    }

    assertThat(scheduler.pending()).isEmpty();
    int fetchesWhileUnused = source.calls();
    // Tokens of 2 min refreshed every 96 s: about ten minutes of refreshes, then a pause.
    assertThat(fetchesWhileUnused).isBetween(7, 9);
    clock.add(Duration.ofMinutes(5)); // the last token has expired meanwhile
    assertThat(provider.getCredentials().getAccessKeyId()).isEqualTo("AK-" + (fetchesWhileUnused + 1));
    assertThat(source.calls()).isEqualTo(fetchesWhileUnused + 1);
    assertThat(scheduler.pending()).hasSize(1);
  }

  @Test
  void closingStopsTheRefreshesAndClosesTheSource() {
    source.thenToken(HOUR);
    started(ELEVEN_HOURS, 1);

    provider.close();

    assertThat(scheduler.pending()).isEmpty();
    assertThat(source.closed()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
