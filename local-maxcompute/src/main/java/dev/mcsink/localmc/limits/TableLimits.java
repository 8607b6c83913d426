package dev.mcsink.localmc.limits;

import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.types.TableId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batch tunnel's documented per-table limits, so a client that would be throttled by the real
 * service is throttled here too. Rate limits answer 429 FlowExceeded (the SDK backs off and
 * retries); a block id past the per-session maximum answers 400 InvalidBlockID.
 */
public final class TableLimits {
  /** The real service's figures; tests may lower them. */
  public record Quota(int sessionsPer5Min, int blocksPer5Min, int commitsPer15s,
      int concurrentCommits, int blocksPerSession) {
    public static final Quota REAL_SERVICE = new Quota(500, 500, 75, 32, 20_000);
  }

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Duration FIFTEEN_SECONDS = Duration.ofSeconds(15);

  private final Clock clock;
  private volatile boolean enforced;
  private volatile Quota quota = Quota.REAL_SERVICE;
  private final Map<TableId, Counters> tables = new ConcurrentHashMap<>();

  public TableLimits(boolean enforced, Clock clock) {
    this.enforced = enforced;
    this.clock = clock;
  }

  public void setEnforced(boolean enforced) {
    this.enforced = enforced;
  }

  public boolean enforced() {
    return enforced;
  }

  public void setQuota(Quota quota) {
    this.quota = quota;
    tables.clear();
  }

  public Quota quota() {
    return quota;
  }

  public void onSessionCreated(TableId table) {
    take(counters(table).sessions, FIVE_MINUTES, quota.sessionsPer5Min(), table, "upload sessions per 5 minutes");
  }

  /** Checked before a block is stored; the block id must be below the per-session maximum. */
  public void onBlockWritten(TableId table, long blockId) {
    if (blockId < 0 || blockId >= quota.blocksPerSession()) {
      // Not a quota: a wrong block id is refused whether limits are enforced or not.
      throw ServiceException.badRequest("InvalidBlockID",
          "The specified block id is not valid: " + blockId + " (must be in [0, " + quota.blocksPerSession() + "))");
    }
    take(counters(table).blocks, FIVE_MINUTES, quota.blocksPer5Min(), table, "blocks per 5 minutes");
  }

  /** Call around a commit; close the result when the commit ends. */
  public AutoCloseable beginCommit(TableId table) {
    Counters c = counters(table);
    take(c.commits, FIFTEEN_SECONDS, quota.commitsPer15s(), table, "commits per 15 seconds");
    int running = c.committing.incrementAndGet();
    if (enforced && running > quota.concurrentCommits()) {
      c.committing.decrementAndGet();
      throw flowExceeded(table, "concurrent committing sessions", quota.concurrentCommits());
    }
    return c.committing::decrementAndGet;
  }

  private void take(Deque<Long> window, Duration span, int max, TableId table, String what) {
    if (!enforced) {
      return;
    }
    long now = clock.millis();
    synchronized (window) {
      while (!window.isEmpty() && window.peekFirst() <= now - span.toMillis()) {
        window.pollFirst();
      }
      if (window.size() >= max) {
        throw flowExceeded(table, what, max);
      }
      window.addLast(now);
    }
  }

  private static ServiceException flowExceeded(TableId table, String what, int max) {
    return new ServiceException(429, "FlowExceeded",
        "Your flow quota is exceeded: table " + table + " allows at most " + max + " " + what);
  }

  private Counters counters(TableId table) {
    return tables.computeIfAbsent(table, t -> new Counters());
  }

  private static final class Counters {
    final Deque<Long> sessions = new ArrayDeque<>();
    final Deque<Long> blocks = new ArrayDeque<>();
    final Deque<Long> commits = new ArrayDeque<>();
    final AtomicInteger committing = new AtomicInteger();
  }
}
