package com.aliyun.odps.kafka.connect.auth;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.threeten.extra.MutableClock;

/**
 * A credentials source that answers from a script: tokens valid for a given time from the clock's
 * now, or failures. Each token is numbered ("AK-1", "AK-2"...).
 */
final class ScriptedSource implements CredentialsSource {
  private final MutableClock clock;
  private final Deque<Supplier<IssuedCredentials>> script = new ConcurrentLinkedDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile boolean closed;

  ScriptedSource(MutableClock clock) {
    this.clock = clock;
  }

  ScriptedSource thenToken(Duration lifetime) {
    script.add(() -> {
      int n = tokens.incrementAndGet();
      return new IssuedCredentials("AK-" + n, "secret-" + n, "token-" + n, clock.instant().plus(lifetime));
    });
    return this;
  }

  ScriptedSource thenFailure(boolean isTransient) {
    script.add(() -> {
      throw new CredentialsUnavailableException("STS said no", "access_id", isTransient);
    });
    return this;
  }

  ScriptedSource then(Supplier<IssuedCredentials> step) {
    script.add(step);
    return this;
  }

  @Override
  public IssuedCredentials fetch() {
    calls.incrementAndGet();
    Supplier<IssuedCredentials> step = script.poll();
    if (step == null) {
      throw new AssertionError("unexpected fetch number " + calls.get());
    }
    return step.get();
  }

  int calls() {
    return calls.get();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public String description() {
    return "test credentials";
  }

  @Override
  public void close() {
    closed = true;
  }
}
