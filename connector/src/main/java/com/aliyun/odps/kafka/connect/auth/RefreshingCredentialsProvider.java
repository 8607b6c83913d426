package com.aliyun.odps.kafka.connect.auth;

import com.aliyun.credentials.api.ICredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary credentials for the SDK's {@code AklessAccount}, which asks for them each time it signs
 * a request: that call only reads the current token. A background refresh replaces the token
 * before its real expiry (the {@link RefreshPolicy}); until the new one is in, the old one keeps
 * being served. Only when the current token is about to run out (the background refresh failed or
 * was late) does a request fetch a new one itself, one thread at a time.
 *
 * <p>Fetches go to the {@link CredentialsSource} directly, not through a caching provider of the
 * credentials library, whose cache (refetch within 15 minutes of expiry) knows nothing of short
 * tokens or of {@code client_timeout_ms}.
 */
public final class RefreshingCredentialsProvider implements ICredentialsProvider {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshingCredentialsProvider.class);
  private static final String PROVIDER_NAME = "kafka-connect-maxcompute/sts";

  /** Waits between the first attempts; a seam for tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** A token and when it arrived, replaced as one. */
  private static final class Lease {
    final IssuedCredentials credentials;
    final Instant receivedAt;

    Lease(IssuedCredentials credentials, Instant receivedAt) {
      this.credentials = credentials;
      this.receivedAt = receivedAt;
    }

    Duration lifetime() {
      Duration lifetime = Duration.between(receivedAt, credentials.expiration());
      return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }
  }

  private final CredentialsSource source;
  private final RefreshPolicy policy;
  private final Clock clock;
  private final RefreshScheduler scheduler;
  private final Sleeper sleeper;
  private final Object fetchLock = new Object();
  /** A background refresh is scheduled or running. */
  private final AtomicBoolean refreshPending = new AtomicBoolean();
  private final AtomicLong issued = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private volatile Lease lease;
  private volatile Instant lastUse;
  private volatile boolean closed;
  /** Guarded by fetchLock. */
  private int consecutiveFailures;

  RefreshingCredentialsProvider(CredentialsSource source, RefreshPolicy policy, Clock clock,
      RefreshScheduler scheduler, Sleeper sleeper) {
    this.source = Objects.requireNonNull(source, "source");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.lastUse = clock.instant();
  }

  /**
   * Fetches the first token now, so wrong credentials fail the caller at once, and starts
   * refreshing in the background.
   *
   * @param attempts how many times a transient failure of the first fetch is tried (at least 1);
   *     other failures (a wrong key, an unknown role) are not retried
   * @throws CredentialsUnavailableException when no first token could be had
   */
  public static RefreshingCredentialsProvider start(CredentialsSource source, RefreshPolicy policy, int attempts) {
    RefreshingCredentialsProvider provider = new RefreshingCredentialsProvider(source, policy, Clock.systemUTC(),
        new BackgroundRefreshThread("maxcompute-credentials-refresh"), duration -> Thread.sleep(duration.toMillis()));
    try {
      provider.fetchFirst(attempts);
    } catch (RuntimeException e) {
      provider.close();
      throw e;
    }
    return provider;
  }

  void fetchFirst(int attempts) {
    synchronized (fetchLock) {
      for (int attempt = 1; ; attempt++) {
        try {
          install(source.fetch());
          break;
        } catch (CredentialsUnavailableException e) {
          failures.incrementAndGet();
          if (!e.isTransient() || attempt >= attempts) {
            throw e;
          }
          Duration wait = RefreshPolicy.backoff(attempt);
          LOG.warn("Getting {} failed (attempt {} of {}), trying again in {} ms: {}", source.description(), attempt,
              attempts, wait.toMillis(), e.getMessage());
          sleepOrGiveUp(wait, e);
        }
      }
    }
    scheduleIfNonePending();
  }

  /** The current token; fetches one on the spot only when it has (nearly) run out. */
  @Override
  public IssuedCredentials getCredentials() {
    Instant now = clock.instant();
    lastUse = now;
    Lease held = lease;
    if (held != null && policy.usable(held.credentials.expiration(), now)) {
      if (!refreshPending.get()) {
        // The background refresh paused while nobody used the credentials.
        scheduleIfNonePending();
      }
      return held.credentials;
    }
    return refreshOnTheSpot();
  }

  private IssuedCredentials refreshOnTheSpot() {
    Lease held;
    synchronized (fetchLock) {
      Instant now = clock.instant();
      held = lease;
      if (held != null && policy.usable(held.credentials.expiration(), now)) {
        return held.credentials; // another thread just fetched
      }
      try {
        held = install(source.fetch());
      } catch (CredentialsUnavailableException e) {
        consecutiveFailures++;
        failures.incrementAndGet();
        LOG.warn("Getting {} for a request failed ({} failures in a row): {}", source.description(),
            consecutiveFailures, e.getMessage());
        if (held != null && now.isBefore(held.credentials.expiration())) {
          return held.credentials; // still valid, if barely: better than nothing
        }
        throw e;
      }
    }
    scheduleIfNonePending();
    return held.credentials;
  }

  /** @param scheduledFor the token this refresh was scheduled to replace */
  private void refreshInBackground(Lease scheduledFor) {
    if (closed) {
      return;
    }
    Lease held;
    Duration next;
    synchronized (fetchLock) {
      Instant now = clock.instant();
      held = lease;
      if (held != scheduledFor) {
        // A request already fetched a new token on the spot: plan for that one instead.
        next = policy.nextRefresh(held.receivedAt, held.credentials.expiration(), now);
      } else if (policy.isIdle(lastUse, held.lifetime(), now)) {
        LOG.info("{} not used since {}: background refresh paused until the next use", source.description(), lastUse);
        refreshPending.set(false);
        return;
      } else {
        try {
          held = install(source.fetch());
          next = policy.nextRefresh(held.receivedAt, held.credentials.expiration(), clock.instant());
        } catch (CredentialsUnavailableException e) {
          consecutiveFailures++;
          failures.incrementAndGet();
          next = policy.retryAfter(consecutiveFailures, held.credentials.expiration(), now);
          LOG.warn("Refreshing {} failed ({} failures in a row); the current token, valid until {}, is still used;"
                  + " trying again in {} ms: {}", source.description(), consecutiveFailures,
              held.credentials.expiration(), next.toMillis(), e.getMessage());
        }
      }
    }
    Lease planned = held;
    scheduler.schedule(() -> refreshInBackground(planned), next);
  }

  private Lease install(IssuedCredentials credentials) {
    Instant now = clock.instant();
    Lease fresh = new Lease(credentials, now);
    lease = fresh;
    consecutiveFailures = 0;
    long count = issued.incrementAndGet();
    LOG.info("Got {} (token {}): valid until {}, {} s from now", source.description(), count,
        credentials.expiration(), fresh.lifetime().getSeconds());
    return fresh;
  }

  private void scheduleIfNonePending() {
    if (closed || !refreshPending.compareAndSet(false, true)) {
      return;
    }
    Lease held = lease;
    scheduler.schedule(() -> refreshInBackground(held),
        policy.nextRefresh(held.receivedAt, held.credentials.expiration(), clock.instant()));
  }

  private void sleepOrGiveUp(Duration wait, CredentialsUnavailableException failure) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /** Tokens obtained so far (the first one included). */
  public long issuedCount() {
    return issued.get();
  }

  /** Failed fetches so far (first fetch, background refreshes and on-the-spot fetches). */
  public long failureCount() {
    return failures.get();
  }

  @Override
  public String getProviderName() {
    return PROVIDER_NAME;
  }

  @Override
  public void close() {
    closed = true;
    scheduler.close();
    source.close();
  }
}
