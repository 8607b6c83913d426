package com.aliyun.odps.kafka.connect.offsets;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Which Kafka offsets are safe to commit: per TopicPartition, the records handed to the writer and
 * whether each is done (its row committed in MaxCompute, or the record routed or skipped).
 *
 * <p>Records are handed with a {@link #newTicket() ticket} naming the group they will be finished
 * with (one flush buffer, or the records routed since the last error-handler flush); {@link
 * #done(long)} finishes a whole group at once. The committable offset of a partition is one past
 * the last record such that it and every record handed before it are done: a gap (a record still
 * buffered) holds the offset back even when later records are done.
 *
 * <p>Kafka offsets need not be consecutive (compaction, transaction markers), so contiguity is over
 * the records handed, not over the integers. Consecutive records with the same ticket are kept as
 * one run, so the state stays small however many records a buffer holds.
 *
 * <p>Not thread-safe: Connect calls a task from one thread.
 */
final class OffsetTracker {
  /** The group of records done when handed ({@link #handedDone}); {@link #newTicket()} never gives it. */
  private static final long SKIPPED = 0;

  private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
  private long lastTicket;

  /** A new group id for {@link #handed}. */
  public long newTicket() {
    return ++lastTicket;
  }

  /**
   * True when {@code offset} was already handed since this task took the partition: Connect
   * redelivers a batch after a {@code RetriableException} from put, and such records are buffered or
   * done already, so writing them again would duplicate them.
   */
  public boolean isRedelivery(TopicPartition tp, long offset) {
    PartitionState state = partitions.get(tp);
    return state != null && offset < state.nextToHand;
  }

  /** Records that the record at {@code offset} will be done with group {@code ticket}. */
  public void handed(TopicPartition tp, long offset, long ticket) {
    PartitionState state = partitions.computeIfAbsent(tp, k -> new PartitionState());
    if (offset < state.nextToHand) {
      throw new IllegalArgumentException(
          "offset " + offset + " of " + tp + " handed twice (next expected " + state.nextToHand + ")");
    }
    if (state.nextToHand == Long.MIN_VALUE) {
      state.firstHanded = offset;
    }
    state.nextToHand = offset + 1;
    Run last = state.runs.peekLast();
    if (last != null && last.ticket == ticket && !last.done) {
      last.last = offset;
    } else {
      state.runs.addLast(new Run(offset, ticket));
    }
  }

  /**
   * Records that the record at {@code offset} is done already, without a group: an exactly-once
   * task skips records MaxCompute has, and Kafka's offset must move past them.
   */
  public void handedDone(TopicPartition tp, long offset) {
    handed(tp, offset, SKIPPED);
    Run last = partitions.get(tp).runs.peekLast();
    last.done = true;
    partitions.get(tp).advance();
  }

  /** Marks every record handed with {@code ticket} as done, in every partition. */
  public void done(long ticket) {
    for (PartitionState state : partitions.values()) {
      for (Run run : state.runs) {
        if (run.ticket == ticket) {
          run.done = true;
        }
      }
      state.advance();
    }
  }

  /** The next offset to read of {@code tp} such that everything before it is done; empty when none is. */
  public OptionalLong committable(TopicPartition tp) {
    PartitionState state = partitions.get(tp);
    return state == null || state.committedNext < 0
        ? OptionalLong.empty()
        : OptionalLong.of(state.committedNext);
  }

  /** The first offset of {@code tp} handed since the task took it; empty when none was. */
  public OptionalLong firstHanded(TopicPartition tp) {
    PartitionState state = partitions.get(tp);
    return state == null ? OptionalLong.empty() : OptionalLong.of(state.firstHanded);
  }

  /** True when some record of {@code tp} was handed and is not done yet. */
  public boolean hasPending(TopicPartition tp) {
    PartitionState state = partitions.get(tp);
    return state != null && !state.runs.isEmpty();
  }

  /** The partitions with any state. */
  public Set<TopicPartition> partitions() {
    return partitions.keySet();
  }

  /** Forgets the partitions (revoked): their records will be redelivered to their next owner. */
  public void forget(Collection<TopicPartition> revoked) {
    for (TopicPartition tp : revoked) {
      partitions.remove(tp);
    }
  }

  private static final class PartitionState {
    private long nextToHand = Long.MIN_VALUE;
    private long firstHanded;
    private long committedNext = -1;
    /** Handed, not yet committable records, in offset order. */
    private final ArrayDeque<Run> runs = new ArrayDeque<>();

    void advance() {
      Iterator<Run> it = runs.iterator();
      while (it.hasNext()) {
        Run run = it.next();
        if (!run.done) {
          return;
        }
        committedNext = run.last + 1;
        it.remove();
      }
    }
  }

  /** Consecutive handed records of one partition with the same ticket. */
  private static final class Run {
    private final long ticket;
    private long last;
    private boolean done;

    Run(long offset, long ticket) {
      this.last = offset;
      this.ticket = ticket;
    }
  }
}
