package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the table, when a task is given Kafka partitions, through which offset each is committed in
 * MaxCompute already (exactly-once), retrying transient failures a few times with a growing pause.
 *
 * <p>Why wait here rather than go on: open runs inside the consumer's rebalance, where a
 * RetriableException is not retried but fails the task, and going on without the answer would write
 * again what MaxCompute has. So a short outage is waited out (the pauses add up to {@link #PAUSES}'s
 * 15 s, well inside the consumer's max.poll.interval.ms of 5 minutes by default), and a longer one
 * fails the task with the reason: a restart then asks again.
 */
final class AlreadyCommitted {
  private static final Logger log = LoggerFactory.getLogger(AlreadyCommitted.class);
  private static final List<Duration> PAUSES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

  /** How to wait between attempts: {@code Thread::sleep} in a task, recorded in tests. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final MaxComputeTable table;
  private final Pause pause;

  AlreadyCommitted(MaxComputeTable table, Pause pause) {
    this.table = table;
    this.pause = pause;
  }

  /** @throws ConnectException when the table can't tell, after the retries */
  Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
    for (int attempt = 0; ; attempt++) {
      try {
        return table.committedOffsets(partitions);
      } catch (TransientWriteException e) {
        if (attempt == PAUSES.size()) {
          throw new ConnectException("Cannot tell which records of " + partitions + " are in " + table.name()
              + " already, so none is written; a restart of the task asks again: " + e.getMessage(), e);
        }
        Duration wait = PAUSES.get(attempt);
        log.warn("Reading what {} already holds failed; asking again in {} s: {}", table.name(), wait.toSeconds(),
            e.getMessage());
        try {
          pause.pause(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ConnectException("Interrupted while reading what " + table.name() + " already holds", interrupted);
        }
      }
    }
  }
}
