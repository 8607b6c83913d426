package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import com.aliyun.odps.kafka.connect.validation.ServiceFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task delegates to: its {@link SinkWriter}, once the table could be opened. A task that
 * starts while MaxCompute is unreachable or answers 5xx (an outage, a worker restarted in the
 * middle of one) does not fail for good, which would leave its records to a manual restart: it
 * starts, keeps the partitions it is given, and opens the table again at each put after a growing
 * pause, having Connect redeliver the records meanwhile, for as long as the outage lasts. Failures
 * that retrying cannot fix (refused credentials, a missing table, an untrusted certificate) still
 * fail the start.
 *
 * <p>Not thread-safe: Connect calls a task from one thread.
 */
public final class TaskWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaskWriter.class);

  private final SinkSettings settings;
  private final SinkTaskContext context;
  private final Clock clock;
  private final RetryBackoff backoff =
      new RetryBackoff(BackgroundWrites.INITIAL_BACKOFF_MS, BackgroundWrites.MAX_BACKOFF_MS);
  /** Partitions given before the writer could be made; handed to it when it is. */
  private final Set<TopicPartition> assigned = new LinkedHashSet<>();
  private SinkWriter writer;
  private Instant openAgainAt = Instant.MIN;
  private String lastProblem;
  private TransientWriteException lastFailure;

  private TaskWriter(SinkSettings settings, SinkTaskContext context, Clock clock) {
    this.settings = settings;
    this.context = context;
    this.clock = clock;
  }

  /**
   * Opens the table, or, when the service is unavailable, gets ready to open it at the next put.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException when the table is missing, does not fit
   *     the configuration, or access is refused
   */
  public static TaskWriter start(SinkSettings settings, SinkTaskContext context) {
    TaskWriter task = new TaskWriter(settings, context, Clock.systemUTC());
    task.openIfDue();
    return task;
  }

  public void open(Collection<TopicPartition> partitions) {
    if (writer == null) {
      assigned.addAll(partitions);
    } else {
      writer.open(partitions);
    }
  }

  public void put(Collection<SinkRecord> records) {
    if (!openIfDue()) {
      long waitMs = Math.max(1, openAgainAt.toEpochMilli() - clock.millis());
      context.timeout(waitMs);
      throw new RetriableException("Cannot start writing yet (records wait in Kafka; trying again in " + waitMs
          + " ms): " + lastProblem, lastFailure);
    }
    writer.put(records);
  }

  /** Nothing is committed before the writer exists: every record given so far comes again. */
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> delivered) {
    return writer == null ? Map.of() : writer.preCommit(delivered);
  }

  public void close(Collection<TopicPartition> partitions) {
    if (writer == null) {
      assigned.removeAll(partitions);
    } else {
      writer.close(partitions);
    }
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  /** True once the writer exists; tries to make it when its pause has passed. */
  private boolean openIfDue() {
    if (writer != null) {
      return true;
    }
    if (clock.instant().isBefore(openAgainAt)) {
      return false;
    }
    try {
      writer = SinkWiring.writer(settings, context);
    } catch (TransientWriteException e) {
      lastFailure = e;
      lastProblem = ServiceFailures.recognize(settings, e).map(Object::toString).orElse(e.getMessage());
      long pause = backoff.onFailure();
      openAgainAt = clock.instant().plusMillis(pause);
      log.warn("Cannot start writing to {} yet; its records wait in Kafka, trying again in {} ms: {}",
          settings.table(), pause, lastProblem);
      return false;
    }
    if (lastFailure != null) {
      log.info("MaxCompute is reachable again: writing to {}", settings.table());
    }
    writer.open(assigned);
    assigned.clear();
    return true;
  }
}
