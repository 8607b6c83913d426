package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.offsets.OffsetTracker;
import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's write service: converts records into rows, buffers them per target partition, writes
 * each buffer in one {@link MaxComputeTable#write} (rows of every Kafka partition of the task
 * together), and tells Connect which offsets are safe to commit.
 *
 * <p>Memory: the rows held by the task, all target partitions together and rows being written
 * included, are capped at {@code buffer_size_kb} (estimated wire size, {@link RowSize}). When the
 * open buffers reach half the cap the largest are handed to the writer until at most a quarter is
 * left open; with the usual single open partition that is the whole buffer. So what a task holds
 * depends on the configuration only, not on how many Kafka partitions it reads (they share the
 * buffers) nor on how many target partitions are open. While writes fail, {@link #put} refuses new records (Connect
 * keeps them and redelivers) rather than buffering past the cap.
 *
 * <p>Other flush triggers: a buffer whose partition window has closed; every buffer on {@link
 * #preCommit}; and with {@code use_streaming} a buffer holding {@code record_batch_size} rows (one
 * record pack) or older than {@code stream_max_latency_ms}. For the latter, put asks Connect
 * ({@code SinkTaskContext.timeout}, which caps its next consumer poll) to call put again, records or
 * not, by the time the oldest buffer is due, so the bound holds at low load too. With batch
 * sessions, every buffer when a put brings no records (the consumer has caught up: waiting longer
 * would only delay these rows); while rows are buffered, put asks Connect to call again within
 * {@value #IDLE_POLL_MS} ms, so this is noticed even between offset commits.
 *
 * <p>Writes run on a background thread ({@link WriteBehind}), one at a time, while the task thread
 * goes on converting: a full buffer is handed over and a fresh one started. Handed-over rows still
 * count against {@code buffer_size_kb} until their write ends; at the cap, put waits for a write to
 * end. {@link #preCommit} hands over every buffer and waits for all writes, so the offsets it returns
 * (and those committed on a rebalance) cover everything taken so far.
 *
 * <p>A transient failure keeps the rows for the next attempt: {@link #put} asks Connect to wait
 * (bounded exponential backoff) and throws {@link RetriableException}, so Connect redelivers the
 * batch (records already taken are recognised and not buffered twice); {@link #preCommit} returns
 * what is committed so far. Nothing sleeps here and nothing buffered is ever dropped, except the
 * rows of revoked partitions, whose offsets are then never committed by this task.
 *
 * <p>Not thread-safe: Connect calls a task from one thread.
 */
public final class SinkWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);
  static final long INITIAL_BACKOFF_MS = 1_000;
  static final long MAX_BACKOFF_MS = 30_000;
  /** Batch sessions: how long Connect's poll may wait for records while rows are buffered. */
  static final long IDLE_POLL_MS = 1_000;
  /**
   * With {@code use_streaming}, how long a row may wait in a buffer before it is sent. A constant for
   * now; a candidate for a configuration key.
   */

  private final String tableName;
  private final MaxComputeTable table;
  /** One record converted into again and again; buffers keep copies of its values. */
  private final RowValues row;
  private final RecordConverter converter;
  private final FailedRecordHandler failedRecords;
  private final TargetPartitions targets;
  private final Clock clock;
  private final LongConsumer retryAfterMs;
  /** Cap on the estimated bytes of every buffer together. */
  private final long memoryLimitBytes;
  /** Rows per write: record_batch_size when streaming (one record pack), unbounded for batch sessions. */
  private final int maxRowsPerWrite;
  /** How long rows may wait when streaming; null for batch sessions (their cost is per session). */
  private final Duration maxBufferAge;
  private final int warnAfterFailures;

  private final OffsetTracker tracker = new OffsetTracker();
  private final WriteBehind writes;
  /** Buffers whose write failed transiently, waiting to be written again. */
  private final List<PartitionBuffer> retries = new ArrayList<>();
  /** Open buffers by pt value (null key: non-partitioned table), oldest first. */
  private final Map<String, PartitionBuffer> buffers = new LinkedHashMap<>();
  /** Partitions this task owns (opened or seen); only their offsets are returned. */
  private final Set<TopicPartition> owned = new HashSet<>();
  private final RetryBackoff backoff = new RetryBackoff(INITIAL_BACKOFF_MS, MAX_BACKOFF_MS);
  /** Ticket of records given to the failed-record handler since its last flush. */
  private long routedTicket;
  private TransientWriteException lastTransient;
  /** Failed writes are not tried again before this: a write that failed in the background is found
   *  at the start of a put, and trying it again at once would hammer a service that is refusing. */
  private Instant retryDueAt = Instant.MIN;
  private long bufferedBytes;
  private long peakBufferedBytes;
  /** A write that retrying won't fix: the task must stop (see {@link #preCommit}). */
  private ConnectException fatal;

  /**
   * @param retryAfterMs {@code SinkTaskContext::timeout}: how long Connect waits before redelivering
   *     after a transient failure, and (streaming) the longest it may wait before the next put
   */
  public SinkWriter(SinkSettings settings, MaxComputeTable table, RecordConverter converter,
      FailedRecordHandler failedRecords, TargetPartitions targets, Clock clock, LongConsumer retryAfterMs) {
    this(settings, table, converter, failedRecords, targets, clock, retryAfterMs, null);
  }

  /**
   * @param writeThread a single thread that runs the writes in the background; null to write inline
   *     (a synchronous writer, as unit tests use it). Shut down by {@link #close()}.
   */
  public SinkWriter(SinkSettings settings, MaxComputeTable table, RecordConverter converter,
      FailedRecordHandler failedRecords, TargetPartitions targets, Clock clock, LongConsumer retryAfterMs,
      ExecutorService writeThread) {
    this.writes = new WriteBehind(table, writeThread);
    this.tableName = settings.schema().isEmpty()
        ? settings.project() + "." + settings.table()
        : settings.project() + "." + settings.schema() + "." + settings.table();
    this.table = table;
    this.row = new RowValues(table.newRow());
    this.converter = converter;
    this.failedRecords = failedRecords;
    this.targets = targets;
    this.clock = clock;
    this.retryAfterMs = retryAfterMs;
    this.memoryLimitBytes = settings.bufferSizeKb() * 1024L;
    this.maxRowsPerWrite = settings.useStreaming() ? Math.max(1, settings.recordBatchSize()) : Integer.MAX_VALUE;
    this.maxBufferAge = settings.useStreaming() ? settings.streamMaxLatency() : null;
    this.warnAfterFailures = Math.max(1, settings.retryTimes());
    this.routedTicket = tracker.newTicket();
  }

  /** New partitions: nothing to reset for the ones already owned (cooperative rebalancing). */
  public void open(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  public void put(Collection<SinkRecord> records) {
    settleFinishedWrites();
    if (fatal != null) {
      throw fatal;
    }
    Instant now = clock.instant();
    if (!retries.isEmpty()) {
      if (now.isBefore(retryDueAt)) {
        throw retryLater();
      }
      retryFailedWrites();
    }
    if (records.isEmpty() && maxBufferAge == null) {
      // Batch sessions: the consumer has caught up, so waiting for more rows only delays these.
      flushAll();
    }
    if (!flushDue(now)) {
      throw refuseMore();
    }
    String target = targets.valueAt(now);
    for (SinkRecord record : records) {
      RecordOrigin origin = RecordOrigin.of(record);
      TopicPartition source = origin.topicPartition();
      long offset = origin.offset();
      if (tracker.isRedelivery(source, offset)) {
        continue;
      }
      owned.add(source);
      try {
        converter.convert(record, row.blank());
      } catch (RecordConversionException e) {
        failedRecords.handle(record, new RecordConversionException(
            "Record at topic " + origin.topic() + " partition " + origin.partition() + " offset " + offset
                + " does not fit table " + tableName + ": " + e.getMessage(), e));
        tracker.handed(source, offset, routedTicket);
        continue;
      }
      PartitionBuffer buffer = buffers.get(target);
      if (buffer == null) {
        buffer = new PartitionBuffer(target, targets.windowEnd(now), tracker.newTicket());
        buffers.put(target, buffer);
      }
      long before = buffer.estimatedBytes();
      buffer.add(row.copy(), source, now);
      tracker.handed(source, offset, buffer.ticket());
      addBuffered(buffer.estimatedBytes() - before);
      if (buffer.rows().size() >= maxRowsPerWrite) {
        flush(buffer);
      }
      if (!relieveMemory()) {
        // The rest of the batch is redelivered; what was taken stays buffered.
        throw refuseMore();
      }
    }
    askForPutWhenOldestIsDue(now);
  }

  /** Estimated bytes of the rows buffered now, every target partition together. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  /** The most {@link #bufferedBytes()} has been since this writer started. */
  public long peakBufferedBytes() {
    return peakBufferedBytes;
  }

  /** The cap on {@link #bufferedBytes()}: {@code buffer_size_kb}. */
  public long memoryLimitBytes() {
    return memoryLimitBytes;
  }

  /**
   * Flushes every buffer and the failed-record handler, then returns, per owned partition, the
   * offset after the last record that is committed in MaxCompute or routed, with every record
   * before it. Never throws: a failure here only holds offsets back.
   */
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    if (fatal == null) {
      if (!clock.instant().isBefore(retryDueAt)) {
        retryFailedWrites();
      }
      flushAll();
    }
    awaitWrites();
    if (fatal != null) {
      // Connect ignores exceptions from preCommit (it rewinds and goes on); the next put fails the task.
      log.error("{}; the task stops at its next put", fatal.getMessage());
    }
    flushFailedRecordHandler();
    return committableOffsets(currentOffsets);
  }

  /**
   * Revoked partitions: their buffered rows are dropped (from every buffer: a buffer mixes Kafka
   * partitions) and their offsets forgotten. Their uncommitted records will be redelivered to the
   * new owner; rows of the partitions still owned stay buffered.
   */
  public void close(Collection<TopicPartition> partitions) {
    Set<TopicPartition> revoked = new HashSet<>(partitions);
    awaitWrites();
    dropRowsOf(revoked, retries);
    dropRowsOf(revoked, buffers.values());
    tracker.forget(revoked);
    owned.removeAll(revoked);
  }

  /** Removes the revoked partitions' rows from each buffer, and the buffers left empty. */
  private void dropRowsOf(Set<TopicPartition> revoked, Collection<PartitionBuffer> held) {
    for (PartitionBuffer buffer : held) {
      long before = buffer.estimatedBytes();
      buffer.removeRowsOf(revoked);
      addBuffered(buffer.estimatedBytes() - before);
    }
    held.removeIf(PartitionBuffer::isEmpty);
  }

  /** Stops: buffered rows are not written (their offsets were never committed, so they come again). */
  @Override
  public void close() {
    writes.close();
    buffers.clear();
    retries.clear();
    bufferedBytes = 0;
    try {
      failedRecords.close();
    } finally {
      table.close();
    }
  }

  /** Writes the buffers that are due before anything new is taken; false on a transient failure. */
  private boolean flushDue(Instant now) {
    for (PartitionBuffer buffer : new ArrayList<>(buffers.values())) {
      // A buffer reaching maxRowsPerWrite was handed over at once, in put.
      if (buffer.windowClosedAt(now) || tooOld(buffer, now)) {
        flush(buffer);
      }
    }
    return relieveMemory();
  }

  private boolean tooOld(PartitionBuffer buffer, Instant now) {
    Instant first = buffer.firstRowAt();
    return maxBufferAge != null && first != null && !now.isBefore(first.plus(maxBufferAge));
  }

  /**
   * When the open buffers reach half the cap, hands the largest to the writer until at most a
   * quarter is left open (not just under half: else every next row would trigger a tiny write); so a
   * write runs while the next buffer fills. Waits for writes to end only while everything held,
   * open or on the wire, is at the cap. False when a write failed transiently (or the task must
   * stop): nothing more should be taken now.
   */
  private boolean relieveMemory() {
    // Called for every record: sum in place, sort only when something must be handed over.
    long open = 0;
    for (PartitionBuffer buffer : buffers.values()) {
      open += buffer.estimatedBytes();
    }
    if (open >= memoryLimitBytes / 2) {
      List<PartitionBuffer> largestFirst = new ArrayList<>(buffers.values());
      largestFirst.sort(Comparator.comparingLong(PartitionBuffer::estimatedBytes).reversed());
      for (PartitionBuffer buffer : largestFirst) {
        if (open <= memoryLimitBytes / 4) {
          break;
        }
        open -= buffer.estimatedBytes();
        flush(buffer);
      }
    }
    while (bufferedBytes >= memoryLimitBytes && writes.pending() > 0 && fatal == null && retries.isEmpty()) {
      if (!awaitOneWrite()) {
        return false;
      }
    }
    return settleFinishedWrites() && bufferedBytes < memoryLimitBytes;
  }

  /**
   * Streaming: Connect polls for up to its commit interval when no records come, so it is told to
   * call put again (with or without records) when the oldest buffer is due.
   */
  private void askForPutWhenOldestIsDue(Instant now) {
    if (maxBufferAge == null) {
      if (!buffers.isEmpty()) {
        // Batch sessions: a put without records within this time means the consumer has caught up.
        retryAfterMs.accept(IDLE_POLL_MS);
      }
      return;
    }
    Instant oldest = null;
    for (PartitionBuffer buffer : buffers.values()) {
      Instant first = buffer.firstRowAt();
      if (first != null && (oldest == null || first.isBefore(oldest))) {
        oldest = first;
      }
    }
    if (oldest != null) {
      long waitMs = Duration.between(now, oldest.plus(maxBufferAge)).toMillis();
      retryAfterMs.accept(Math.max(1, waitMs));
    }
  }

  private void addBuffered(long delta) {
    bufferedBytes += delta;
    peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
  }

  private void flushAll() {
    for (PartitionBuffer buffer : new ArrayList<>(buffers.values())) {
      flush(buffer);
    }
  }

  /** Hands one buffer to the writer; its rows stay counted until the write ends. */
  private void flush(PartitionBuffer buffer) {
    buffers.remove(buffer.partition(), buffer);
    if (!buffer.isEmpty()) {
      writes.submit(buffer);
    }
  }

  /** Writes again, all together, the buffers whose write failed transiently. */
  private void retryFailedWrites() {
    List<PartitionBuffer> again = new ArrayList<>(retries);
    retries.clear();
    for (PartitionBuffer buffer : again) {
      writes.submit(buffer);
    }
  }

  /** Takes in the writes that have ended, without waiting; false if one failed (transiently or not). */
  private boolean settleFinishedWrites() {
    boolean allWritten = true;
    for (WriteBehind.Finished f = writes.poll(); f != null; f = writes.poll()) {
      allWritten &= settle(f);
    }
    return allWritten && fatal == null && retries.isEmpty();
  }

  /** Waits for every write handed over so far to end. */
  private void awaitWrites() {
    while (writes.pending() > 0) {
      if (!awaitOneWrite() && Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Waits for the next write to end; false if it failed, or the wait was interrupted. */
  private boolean awaitOneWrite() {
    try {
      return settle(writes.take());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Books an ended write: offsets on success, rows kept for a retry on a transient failure. */
  private boolean settle(WriteBehind.Finished finished) {
    PartitionBuffer buffer = finished.buffer;
    int rows = buffer.rows().size();
    if (finished.failure == null) {
      addBuffered(-buffer.estimatedBytes());
      tracker.done(buffer.ticket());
      backoff.onSuccess();
      log.debug("Wrote {} rows to {}", rows, where(buffer));
      return true;
    }
    if (finished.failure instanceof TransientWriteException) {
      lastTransient = (TransientWriteException) finished.failure;
      retryDueAt = clock.instant().plusMillis(backoff.onFailure());
      retries.add(buffer);
      String message = "Writing " + rows + " rows to " + where(buffer) + " failed ("
          + backoff.consecutiveFailures() + " consecutive transient failures); rows kept, retrying: "
          + finished.failure.getMessage();
      if (backoff.consecutiveFailures() >= warnAfterFailures) {
        log.warn(message);
      } else {
        log.info(message);
      }
      return false;
    }
    if (fatal == null) {
      fatal = new ConnectException("Writing " + rows + " rows to " + where(buffer) + " failed: "
          + finished.failure.getMessage(), finished.failure);
    }
    return false;
  }

  private void flushFailedRecordHandler() {
    try {
      failedRecords.flush();
    } catch (RuntimeException e) {
      log.warn("Could not flush failed records; their offsets are held back until it succeeds: {}", e.getMessage());
      return;
    }
    tracker.done(routedTicket);
    routedTicket = tracker.newTicket();
  }

  private Map<TopicPartition, OffsetAndMetadata> committableOffsets(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    for (TopicPartition tp : owned) {
      long next = -1;
      OptionalLong done = tracker.committable(tp);
      if (done.isPresent()) {
        next = done.getAsLong();
      }
      // With nothing pending, everything Connect delivered for tp is done; its offset may be further
      // ahead when an SMT filtered records out (they never reach put).
      OffsetAndMetadata delivered = currentOffsets.get(tp);
      if (!tracker.hasPending(tp) && delivered != null) {
        next = Math.max(next, delivered.offset());
      }
      if (next >= 0) {
        result.put(tp, new OffsetAndMetadata(next));
      }
    }
    return result;
  }

  /** The task must stop ({@link #fatal}), or Connect should redeliver after a backoff. */
  private RuntimeException refuseMore() {
    return fatal != null ? fatal : retryLater();
  }

  private RetriableException retryLater() {
    long waitMs = Math.max(1, Duration.between(clock.instant(), retryDueAt).toMillis());
    retryAfterMs.accept(waitMs);
    return new RetriableException("Writing to " + tableName + " failed transiently; buffered rows are kept and retried in "
        + waitMs + " ms: " + lastTransient.getMessage(), lastTransient);
  }

  private String where(PartitionBuffer buffer) {
    return buffer.partition() == null ? "table " + tableName : "table " + tableName + " partition pt='" + buffer.partition() + "'";
  }
}
