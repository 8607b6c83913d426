package com.aliyun.odps.kafka.connect.maxcompute;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one task of an exactly-once APPEND connector records of its writes, and reads back for the
 * Kafka partitions it is given. In memory: one entry per Kafka partition this task has written since
 * it started, or read back from its state partition at start, so that entries of partitions it no
 * longer owns are carried forward rather than lost when the partition is overwritten.
 *
 * <p>Cost: per write one overwrite of the task's state partition before the data commit (an upload
 * session, one block, a commit); per rebalance one partition listing, one download per other task
 * of the connector and, per opened Kafka partition whose newest entry is unconfirmed, one upload
 * session status request (and a commit when it was left uncommitted).
 *
 * <p>Thread-safe: writes record from the write thread while the task thread reads on open.
 */
final class OffsetsLedger {
  private final OffsetsStateTable state;
  private final DataSessions sessions;
  private final Clock clock;
  private final Map<TopicPartition, OffsetEntry> entries = new HashMap<>();

  /** Reads this task's partition first: the entries it wrote before a restart are carried forward. */
  OffsetsLedger(OffsetsStateTable state, DataSessions sessions, Clock clock) {
    this.state = state;
    this.sessions = sessions;
    this.clock = clock;
    for (OffsetEntry entry : state.readOwn()) {
      entries.merge(entry.source(), entry, (a, b) -> a.lastOffset() >= b.lastOffset() ? a : b);
    }
  }

  /**
   * Records, before upload {@code uploadId} is committed, that it holds the Kafka partitions of
   * {@code lastOffsets} through those offsets. Returns the new entries, for {@link #committed}. Each
   * names as committed before it what this task knows: a task writes a Kafka partition only after
   * opening it, and {@link #committedOffsets} then put a confirmed entry in memory.
   *
   * @throws TransientWriteException when the state can't be written now (the data session must
   *     not be committed then)
   */
  List<OffsetEntry> recordBeforeCommit(String uploadId, int blockCount, String tablePartition,
      Map<TopicPartition, Long> lastOffsets) {
    long now = clock.millis();
    List<OffsetEntry> pending = new ArrayList<>(lastOffsets.size());
    Map<TopicPartition, OffsetEntry> snapshot;
    synchronized (entries) {
      snapshot = new HashMap<>(entries);
    }
    lastOffsets.forEach((source, last) -> {
      OffsetEntry before = snapshot.get(source);
      long confirmed = before == null ? OffsetEntry.NONE : before.confirmedOffset();
      OffsetEntry entry = new OffsetEntry(source, last, uploadId, blockCount, tablePartition, now, confirmed);
      pending.add(entry);
      snapshot.put(source, entry);
    });
    if (!pending.isEmpty()) {
      state.overwriteOwn(snapshot.values());
    }
    return pending;
  }

  /** The session of {@code pending} is committed: the next snapshot names them as confirmed. */
  void committed(List<OffsetEntry> pending) {
    synchronized (entries) {
      for (OffsetEntry entry : pending) {
        entries.put(entry.source(), entry.confirmed());
      }
    }
  }

  /**
   * Per Kafka partition among {@code partitions}, the offset of its last record committed in
   * MaxCompute by any task of this connector ({@link RecoveredOffsets}); remembered as confirmed.
   *
   * @throws TransientWriteException when the state or a session can't be read now
   */
  Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    List<OffsetEntry> all = state.readOtherTasks();
    synchronized (entries) {
      all.addAll(entries.values());
    }
    Map<TopicPartition, Long> committed = RecoveredOffsets.of(partitions, all, sessions);
    long now = clock.millis();
    synchronized (entries) {
      committed.forEach((source, last) -> entries.merge(source, new OffsetEntry(source, last, "", 0, null, now, last),
          (a, b) -> a.isConfirmed() && a.lastOffset() >= b.lastOffset() ? a : b));
    }
    return committed;
  }
}
