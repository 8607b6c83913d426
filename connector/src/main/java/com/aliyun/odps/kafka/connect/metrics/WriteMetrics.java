package com.aliyun.odps.kafka.connect.metrics;

/**
 * What the write path records, once per batch or per write (never per record): the narrow seam
 * between the writer and the metrics registered for the task ({@link TaskMetrics}); unit tests of
 * the writer pass {@link #NONE}. Every call comes from the task thread (writes are settled there).
 */
public interface WriteMetrics extends AutoCloseable {
  /** Records nothing: writers in unit tests, and a worker where no metrics could be registered. */
  WriteMetrics NONE = new WriteMetrics() {
  };

  /** {@code records} were taken from put (each once: redeliveries after a retry are not counted again). */
  default void received(int records) {
  }

  /** {@code records} went to the failed-record route. */
  default void routed(int records) {
  }

  /** A write of {@code rows} rows was committed in {@code table} (its display name) after {@code latencyMs}. */
  default void written(String table, int rows, long latencyMs) {
  }

  /** A write failed transiently; its rows are kept and written again. */
  default void failedTransiently() {
  }

  /** A write failed for good; the task stops. */
  default void failedFatally() {
  }

  /** {@code writes} writes that had failed transiently start again. */
  default void retried(int writes) {
  }

  /**
   * What the task holds now, not yet handed to a write: rows, estimated bytes, and when the oldest
   * of them arrived (epoch ms; -1 when none is held).
   */
  default void held(long rows, long bytes, long oldestRowAtMs) {
  }

  /** Records consumed whose offsets preCommit could not yet return as committable, over the task's partitions. */
  default void commitLag(long records) {
  }

  @Override
  default void close() {
  }
}
