package dev.mcsink.localmc.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand for reliability tests: make chosen routes fail with a status, answer slowly, or
 * drop the connection in the middle of a body, a given number of times or until cleared.
 * Route names are listed in {@link RouteNames}; {@code "*"} matches every route.
 */
public final class Faults {
  /** A times value meaning "until cleared". */
  public static final int FOREVER = -1;

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  public enum Kind { FAIL, LATENCY, DROP }

  /**
   * One fault. {@code status} for FAIL, {@code latency} for LATENCY, nothing more for DROP.
   * {@code remaining} counts down per matching request; FOREVER never runs out.
   */
  public static final class Rule {
    private final String route;
    private final Kind kind;
    private final int status;
    private final Duration latency;
    private final AtomicInteger remaining;
    private final AtomicInteger applied = new AtomicInteger();

    Rule(String route, Kind kind, int status, Duration latency, int times) {
      this.route = route;
      this.kind = kind;
      this.status = status;
      this.latency = latency;
      this.remaining = new AtomicInteger(times);
    }

    public String route() {
      return route;
    }

    public Kind kind() {
      return kind;
    }

    public int status() {
      return status;
    }

    public Duration latency() {
      return latency;
    }

    public int remaining() {
      return remaining.get();
    }

    /** How many requests this rule has hit so far. */
    public int applied() {
      return applied.get();
    }

    boolean matches(String requestRoute) {
      return route.equals("*") || route.equalsIgnoreCase(requestRoute);
    }

    boolean take() {
      while (true) {
        int left = remaining.get();
        if (left == 0) {
          return false;
        }
        if (left == FOREVER || remaining.compareAndSet(left, left - 1)) {
          applied.incrementAndGet();
          return true;
        }
      }
    }
  }

  /** The next {@code times} requests to {@code route} answer {@code status} with an error body. */
  public Rule fail(String route, int status, int times) {
    return add(new Rule(route, Kind.FAIL, status, Duration.ZERO, times));
  }

  /** The next {@code times} requests to {@code route} wait {@code latency} before being served. */
  public Rule delay(String route, Duration latency, int times) {
    return add(new Rule(route, Kind.LATENCY, 0, latency, times));
  }

  /** The next {@code times} requests to {@code route} lose their connection in the middle of a body. */
  public Rule drop(String route, int times) {
    return add(new Rule(route, Kind.DROP, 0, Duration.ZERO, times));
  }

  public void clear() {
    rules.clear();
  }

  public List<Rule> rules() {
    return new ArrayList<>(rules);
  }

  /** The faults that apply to one request: at most one of each kind, earliest rule first. */
  public Applied apply(String route) {
    Duration latency = Duration.ZERO;
    Integer failStatus = null;
    boolean drop = false;
    for (Rule rule : rules) {
      if (!rule.matches(route)) {
        continue;
      }
      switch (rule.kind) {
        case LATENCY -> {
          if (latency.isZero() && rule.take()) {
            latency = rule.latency;
          }
        }
        case FAIL -> {
          if (failStatus == null && !drop && rule.take()) {
            failStatus = rule.status;
          }
        }
        case DROP -> {
          if (failStatus == null && !drop && rule.take()) {
            drop = true;
          }
        }
      }
    }
    rules.removeIf(r -> r.remaining() == 0);
    return new Applied(latency, Optional.ofNullable(failStatus), drop);
  }

  private Rule add(Rule rule) {
    if (rule.remaining() == 0 || rule.remaining() < FOREVER) {
      throw new IllegalArgumentException("times must be positive or FOREVER (-1)");
    }
    rules.add(rule);
    return rule;
  }

  /** What the faults ask of one request. */
  public record Applied(Duration latency, Optional<Integer> failStatus, boolean drop) {}
}
