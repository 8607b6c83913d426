package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Column;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;
import com.aliyun.odps.kafka.connect.offsets.CommittableOffsets;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's write path: put / preCommit / close, in the order Connect calls them. Records go to
 * their table ({@link OpenTables}) and become rows ({@link RowConversion}) in open buffers per table
 * partition ({@link OpenBuffers}); buffers are
 * handed over to be written when the {@link FlushPolicy} or the {@link MemoryCap} says so, and
 * every one on preCommit; writes run in the background ({@link BackgroundWrites}); the offsets
 * returned are those of rows MaxCompute has committed or records routed ({@link CommittableOffsets}).
 *
 * <p>A transient write failure keeps the rows for the next attempt: put asks Connect to wait out the
 * backoff ({@code SinkTaskContext.timeout}) and throws {@link RetriableException}, so Connect
 * redelivers the batch (records already taken are recognised and not buffered twice); preCommit
 * returns what is committed so far. The same goes for partitions whose records MaxCompute may hold
 * already, while the service can't say ({@link AlreadyCommitted}). Nothing sleeps here and nothing
 * buffered is ever dropped, except the rows of revoked partitions, whose offsets are then never
 * committed by this task.
 *
 * <p>Not thread-safe: Connect calls a task from one thread.
 */
public final class SinkWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);

  private final OpenTables tables;
  private final FlushPolicy policy;
  private final FailedRecordHandler failedRecords;
  private final MemoryCap memory;
  private final Clock clock;
  /** {@code SinkTaskContext::timeout}: how long Connect may wait before it calls put again. */
  private final LongConsumer callAgainWithinMs;
  /** {@code SinkTaskContext::requestCommit}: have Connect commit offsets at its next chance. */
  private final Runnable requestCommit;
  /** How long Connect waits before it redelivers records whose table could not be opened. */
  private static final Duration OPEN_TABLE_AGAIN = Duration.ofSeconds(5);
  private final CommittableOffsets offsets = new CommittableOffsets();
  private final OpenBuffers buffers;
  private final BackgroundWrites writes;
  private final AlreadyCommitted alreadyCommitted;
  private final WriteMetrics metrics;

  /**
   * @param failedRecords the task's failed-record route, shared by its tables; flushed on preCommit, closed with the writer
   * @param writeThread runs the writes; null to write inline (a synchronous writer, as unit tests use it)
   * @param metrics the task's metrics, recorded per batch and per write; closed with the writer
   */
  SinkWriter(OpenTables tables, FlushPolicy policy, FailedRecordHandler failedRecords, MemoryCap memory, Clock clock,
      LongConsumer callAgainWithinMs, Runnable requestCommit, ExecutorService writeThread, WriteMetrics metrics) {
    this.tables = tables;
    this.policy = policy;
    this.failedRecords = failedRecords;
    this.memory = memory;
    this.clock = clock;
    this.callAgainWithinMs = callAgainWithinMs;
    this.requestCommit = requestCommit;
    this.metrics = metrics;
    this.buffers = new OpenBuffers(offsets::newTicket);
    this.writes = new BackgroundWrites(writeThread, clock, offsets::written, metrics);
    // exactly_once goes with one table only (CrossFieldRules): the table that knows the offsets.
    this.alreadyCommitted = new AlreadyCommitted(() -> tables.single() == null ? null : tables.single().table(), clock);
  }

  /**
   * Newly assigned partitions. With exactly_once, records MaxCompute already holds (committed
   * before their Kafka offsets were) are skipped as they come and count as done: the consumer is not
   * moved, so nothing is read twice and nothing before Kafka's committed offset is read again.
   */
  public void open(Collection<TopicPartition> partitions) {
    offsets.open(partitions);
    alreadyCommitted.assigned(partitions, offsets);
  }

  public void put(Collection<SinkRecord> records) {
    writes.settleFinished();
    if (writes.fatal() != null) {
      throw writes.fatal();
    }
    if (!writes.retryIfDue()) {
      throw retryLater();
    }
    if (!alreadyCommitted.skipKnown(offsets)) {
      throw notKnownYet();
    }
    Instant now = clock.instant();
    if (records.isEmpty() && policy.writesAllWhenIdle()) {
      buffers.takeAll().forEach(writes::handOver);
    }
    buffers.takeDue(policy, now).forEach(writes::handOver);
    if (!memory.relieve(buffers, writes)) {
      throw refuseMore();
    }
    // Counted here and recorded once per batch, at the batch's end whichever way it ends.
    int taken = 0;
    try {
      for (SinkRecord record : records) {
        RecordOrigin origin = RecordOrigin.of(record);
        TopicPartition source = origin.topicPartition();
        long offset = origin.offset();
        if (offsets.isRedelivery(source, offset) || offsets.skip(source, offset)) {
          continue;
        }
        taken++;
        OpenTable table = openTableOf(record, origin);
        if (table != null) {
          table = withColumnsFor(record, table);
        }
        Change change = table == null ? null : table.convertOrRoute(record, origin, now);
        if (change == null) {
          offsets.routed(source, offset);
          metrics.routed(1);
          continue;
        }
        RowBuffer buffer = buffers.add(table, change, source, offset, now);
        offsets.buffered(source, offset, buffer.ticket());
        memory.observe(buffers, writes);
        if (policy.isFull(buffer)) {
          writes.handOver(buffers.take(buffer));
        }
        if (!memory.relieve(buffers, writes)) {
          // The rest of the batch is redelivered; what was taken stays buffered.
          throw refuseMore();
        }
      }
    } finally {
      metrics.received(taken);
      recordHeld();
    }
    policy.callAgainWithinMs(buffers, now).ifPresent(callAgainWithinMs);
  }

  /**
   * Writes every buffer (with upserts: every buffer due) and flushes the failed-record route, then returns, per owned partition, the
   * offset after the last record that is committed in MaxCompute or routed, with every record before
   * it. Never throws: a failure here only holds offsets back.
   */
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> delivered) {
    if (writes.fatal() == null) {
      writes.retryIfDue();
      List<RowBuffer> toWrite = policy.writesAllOnCommit() ? buffers.takeAll() : buffers.takeDue(policy, clock.instant());
      toWrite.forEach(writes::handOver);
    }
    writes.awaitAll();
    if (writes.fatal() != null) {
      // Connect ignores exceptions from preCommit (it rewinds and goes on); the next put fails the task.
      log.error("{}; the task stops at its next put", writes.fatal().getMessage());
    }
    try {
      failedRecords.flush();
      offsets.routeFlushed();
    } catch (RuntimeException e) {
      log.warn("Could not flush failed records; their offsets are held back until it succeeds: {}", e.getMessage());
    }
    Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable(delivered);
    metrics.commitLag(offsets.lag(delivered, committable));
    recordHeld();
    return committable;
  }

  /**
   * Revoked partitions: their buffered rows are dropped (from every buffer: a buffer mixes Kafka
   * partitions) and their offsets forgotten. Their uncommitted records will be redelivered to the
   * new owner; rows of the partitions still owned stay buffered.
   */
  public void close(Collection<TopicPartition> partitions) {
    Set<TopicPartition> revoked = new HashSet<>(partitions);
    writes.awaitAll();
    writes.dropRowsOf(revoked);
    buffers.dropRowsOf(revoked);
    offsets.close(revoked);
    alreadyCommitted.revoked(revoked);
  }

  /** Stops: buffered rows are not written (their offsets were never committed, so they come again). */
  @Override
  public void close() {
    writes.close();
    buffers.clear();
    try {
      failedRecords.close();
    } finally {
      try {
        tables.close();
      } finally {
        metrics.close();
      }
    }
  }

  /** Once per batch: what the open buffers hold, for the metrics' gauges. */
  private void recordHeld() {
    Instant oldest = buffers.oldestRowAt();
    metrics.held(buffers.rows(), buffers.bytes(), oldest == null ? -1 : oldest.toEpochMilli());
  }

  /** Estimated bytes of the rows held now, open buffers and rows being written together. */
  public long bufferedBytes() {
    return MemoryCap.held(buffers, writes);
  }

  /** The most {@link #bufferedBytes()} has been since this writer started. */
  public long peakBufferedBytes() {
    return memory.peakBytes();
  }

  /** The cap on {@link #bufferedBytes()}: {@code buffer_size_kb}. */
  public long memoryLimitBytes() {
    return memory.limitBytes();
  }

  /** The task must stop, or Connect should redeliver after a backoff. */
  private RuntimeException refuseMore() {
    return writes.fatal() != null ? writes.fatal() : retryLater();
  }

  /**
   * The table of a record, opened with its first record; null when the record was routed because
   * its table would be created from it and can't be.
   *
   * @throws RetriableException when the service can't open the table now (the rest of the batch comes again)
   */
  private OpenTable openTableOf(SinkRecord record, RecordOrigin origin) {
    try {
      return tables.forRecord(record);
    } catch (RecordConversionException e) {
      failedRecords.handle(record, new RecordConversionException("Record at " + origin + " cannot make its table: "
          + e.getMessage(), e));
      return null;
    } catch (TransientWriteException e) {
      throw callAgain(OPEN_TABLE_AGAIN, e, "Cannot open the table of " + origin + " yet; the records wait in Kafka,"
          + " trying again in");
    }
  }

  /**
   * auto.evolve: when the record has fields the table lacks, writes what is buffered for the table
   * (rows with its old columns), adds the columns, and opens the table again so its new sessions
   * have them; the table to write the record to.
   *
   * @throws RetriableException when the buffered rows or the change can't be written now: the rest
   *     of the batch comes again, and the change is tried again with it
   */
  private OpenTable withColumnsFor(SinkRecord record, OpenTable table) {
    List<Column> added = table.newColumns(record);
    if (added.isEmpty()) {
      return table;
    }
    buffers.takeAllOf(table.table()).forEach(writes::handOver);
    writes.awaitAll();
    if (writes.fatal() != null) {
      throw writes.fatal();
    }
    if (writes.holdsFailedRowsOf(table.table())) {
      throw retryLater();
    }
    // Those rows are committed in MaxCompute now: have their offsets committed too, not only at the next
    // offset flush, so a crash in between replays as little as it can.
    requestCommit.run();
    try {
      OpenTable evolved = tables.addColumns(table, added);
      log.info("Added columns {} to {} for the fields of {}", added.stream().map(Column::getName)
          .collect(Collectors.toList()), evolved.name(), RecordOrigin.of(record));
      return evolved;
    } catch (TransientWriteException e) {
      throw callAgain(OPEN_TABLE_AGAIN, e, "Cannot add columns to " + table.name() + " yet; trying again in");
    }
  }

  private RetriableException notKnownYet() {
    return callAgain(alreadyCommitted.untilAskedAgain(), alreadyCommitted.lastFailure(),
        "Cannot tell yet which records the table holds already; none is written, asking again in");
  }

  private RetriableException retryLater() {
    return callAgain(writes.untilRetry(), writes.lastTransient(),
        "Writing to " + writes.lastTransientWhere() + " failed transiently; buffered rows are kept and retried in");
  }

  /** Has Connect call put again after {@code wait} (redelivering the batch), saying why. */
  private RetriableException callAgain(Duration wait, TransientWriteException cause, String what) {
    long waitMs = Math.max(1, wait.toMillis());
    callAgainWithinMs.accept(waitMs);
    return new RetriableException(what + " " + waitMs + " ms: " + (cause == null ? "interrupted" : cause.getMessage()),
        cause);
  }
}
