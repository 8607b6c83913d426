package com.aliyun.odps.kafka.connect.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka partitions a task owns and, per partition, the offset it may commit: one past the last
 * record that is done — its row committed in MaxCompute, or the record routed and its route flushed
 * — with every record before it. Records are taken in groups ({@link #newTicket() tickets}: one per
 * buffer written together), and records routed since the last flush of the route form a group of
 * their own.
 *
 * <p>Not thread-safe: Connect calls a task from one thread.
 */
public final class CommittableOffsets {
  private final OffsetTracker tracker = new OffsetTracker();
  /** Partitions this task owns (opened or seen); only their offsets are returned. */
  private final Set<TopicPartition> owned = new HashSet<>();
  /** Ticket of the records routed since the route's last flush. */
  private long routedTicket = tracker.newTicket();
  /** Per partition, the offset through which records are in MaxCompute already (exactly-once). */
  private final Map<TopicPartition, Long> skipThrough = new HashMap<>();

  /** Newly assigned partitions; nothing changes for those already owned (cooperative rebalancing). */
  public void open(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  /**
   * Records of {@code source} at or below {@code offset} are in MaxCompute already: {@link #skip}
   * tells them, and they count as done at once, so Kafka's committed offset moves past them.
   */
  public void skipThrough(TopicPartition source, long offset) {
    owned.add(source);
    skipThrough.merge(source, offset, Math::max);
  }

  /**
   * True, and the record counts as done, when it is at or below its partition's {@link #skipThrough}
   * offset: it must not be written again.
   */
  public boolean skip(TopicPartition source, long offset) {
    Long through = skipThrough.get(source);
    if (through == null) {
      return false;
    }
    if (offset > through) {
      // Offsets only grow from here (redeliveries are recognised before): nothing more to skip.
      skipThrough.remove(source);
      return false;
    }
    tracker.handedDone(source, offset);
    return true;
  }

  /**
   * True when the record at {@code offset} was already taken since this task took the partition:
   * Connect redelivers a batch after a {@code RetriableException} from put, and such records are
   * buffered or done already, so writing them again would duplicate them.
   */
  public boolean isRedelivery(TopicPartition source, long offset) {
    return tracker.isRedelivery(source, offset);
  }

  /** A group id for {@link #buffered}: the records of one buffer. */
  public long newTicket() {
    return tracker.newTicket();
  }

  /** The record at {@code offset} is buffered with group {@code ticket}. */
  public void buffered(TopicPartition source, long offset, long ticket) {
    owned.add(source);
    tracker.handed(source, offset, ticket);
  }

  /** The record at {@code offset} went to the failed-record route; done once the route is flushed. */
  public void routed(TopicPartition source, long offset) {
    owned.add(source);
    tracker.handed(source, offset, routedTicket);
  }

  /** Every record of group {@code ticket} is committed in MaxCompute. */
  public void written(long ticket) {
    tracker.done(ticket);
  }

  /** The failed-record route was flushed: every record routed so far is done. */
  public void routeFlushed() {
    tracker.done(routedTicket);
    routedTicket = tracker.newTicket();
  }

  /**
   * Per owned partition, the offset to commit; none for a partition with nothing done yet.
   *
   * @param delivered what Connect has delivered ({@code preCommit}'s argument): with nothing pending
   *     for a partition, everything delivered is done, and its offset may be further ahead when an
   *     SMT filtered records out (they never reach put)
   */
  public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> delivered) {
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    for (TopicPartition tp : owned) {
      OptionalLong done = tracker.committable(tp);
      long next = done.isPresent() ? done.getAsLong() : -1;
      OffsetAndMetadata deliveredOffset = delivered.get(tp);
      if (!tracker.hasPending(tp) && deliveredOffset != null) {
        next = Math.max(next, deliveredOffset.offset());
      }
      if (next >= 0) {
        result.put(tp, new OffsetAndMetadata(next));
      }
    }
    return result;
  }

  /**
   * Commit lag: over the owned partitions, the records delivered past the offset {@link #committable}
   * returned (or, before any was, past the first record taken); 0 once everything delivered is done.
   * Offsets are counted as if consecutive (compaction and transaction markers make it an upper bound).
   */
  public long lag(Map<TopicPartition, OffsetAndMetadata> delivered, Map<TopicPartition, OffsetAndMetadata> committable) {
    long lag = 0;
    for (TopicPartition tp : owned) {
      OffsetAndMetadata deliveredOffset = delivered.get(tp);
      OffsetAndMetadata done = committable.get(tp);
      OptionalLong from = done != null ? OptionalLong.of(done.offset()) : tracker.firstHanded(tp);
      if (deliveredOffset != null && from.isPresent()) {
        lag += Math.max(0, deliveredOffset.offset() - from.getAsLong());
      }
    }
    return lag;
  }

  /** Revoked partitions: forgotten; their records not done will be redelivered to their next owner. */
  public void close(Collection<TopicPartition> revoked) {
    tracker.forget(revoked);
    owned.removeAll(revoked);
    skipThrough.keySet().removeAll(revoked);
  }
}
