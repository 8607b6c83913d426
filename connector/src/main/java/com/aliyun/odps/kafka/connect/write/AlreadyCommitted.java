package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import com.aliyun.odps.kafka.connect.offsets.CommittableOffsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka partitions given to a task whose records MaxCompute may hold already (exactly-once),
 * until the table has said through which offset: records up to it are then skipped as they come.
 *
 * <p>While the service can't be asked (an outage when partitions are assigned), no record is
 * written: the writer asks again at each put after a growing pause and has Connect redeliver the
 * records meanwhile, for as long as the outage lasts. Waiting inside {@code open} instead would hold
 * the consumer's rebalance, and failing the task would leave the records to a manual restart.
 */
final class AlreadyCommitted {
  private static final Logger log = LoggerFactory.getLogger(AlreadyCommitted.class);
  static final long INITIAL_PAUSE_MS = 1_000;
  static final long MAX_PAUSE_MS = 30_000;

  private final Supplier<MaxComputeTable> table;
  private final Clock clock;
  private final Set<TopicPartition> unknown = new LinkedHashSet<>();
  private final RetryBackoff backoff = new RetryBackoff(INITIAL_PAUSE_MS, MAX_PAUSE_MS);
  private Instant askAgainAt = Instant.MIN;
  private TransientWriteException lastFailure;

  /**
   * @param table the one table whose offsets are read back (the same table, opened again after it
   *     gains columns); gives null when tables follow topics (never exactly-once)
   */
  AlreadyCommitted(Supplier<MaxComputeTable> table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  /** Newly assigned partitions: asked about at once. */
  void assigned(Collection<TopicPartition> partitions, CommittableOffsets offsets) {
    if (table.get() == null) {
      return;
    }
    unknown.addAll(partitions);
    askAgainAt = Instant.MIN;
    skipKnown(offsets);
  }

  void revoked(Collection<TopicPartition> partitions) {
    unknown.removeAll(partitions);
  }

  /**
   * Asks the table about the partitions not known yet (when their pause has passed) and has
   * {@code offsets} skip what it holds; true when every partition is known and records may be written.
   */
  boolean skipKnown(CommittableOffsets offsets) {
    if (unknown.isEmpty()) {
      return true;
    }
    if (clock.instant().isBefore(askAgainAt)) {
      return false;
    }
    try {
      table.get().committedOffsets(unknown).forEach((source, through) -> {
        log.info("{}: records already in MaxCompute through offset {} are skipped", source, through);
        offsets.skipThrough(source, through);
      });
    } catch (TransientWriteException e) {
      lastFailure = e;
      long pause = backoff.onFailure();
      askAgainAt = clock.instant().plusMillis(pause);
      log.warn("Cannot tell yet which records of {} are in {} already, so none is written; asking again in {} ms: {}",
          unknown, table.get().name(), pause, e.getMessage());
      return false;
    }
    unknown.clear();
    backoff.onSuccess();
    return true;
  }

  /** How long until the table is asked again. */
  Duration untilAskedAgain() {
    return Duration.between(clock.instant(), askAgainAt);
  }

  /** Why the partitions are not known yet; null when they are. */
  TransientWriteException lastFailure() {
    return unknown.isEmpty() ? null : lastFailure;
  }
}
