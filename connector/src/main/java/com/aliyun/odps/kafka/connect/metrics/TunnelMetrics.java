package com.aliyun.odps.kafka.connect.metrics;

/**
 * What the Tunnel adapters report, per request and never per row: the narrow seam between the
 * MaxCompute adapters and the task's metrics ({@link TaskMetrics}). Calls may come from the
 * adapters' own threads (the batch path uploads blocks in parallel).
 */
public interface TunnelMetrics {
  /** Reports nothing: adapters opened outside a task (tests, config validation). */
  TunnelMetrics NONE = new TunnelMetrics() {
  };

  /** One more {@code event} happened. */
  default void counted(TunnelEvent event) {
  }

  /**
   * Bytes of {@code table}'s rows went out. The append paths encode their requests themselves and
   * know both sizes; the SDK's upsert stream tells only the size sent (with no compression the two
   * are the same).
   *
   * @param encodedBytes in the Tunnel's wire format before compression; -1 when not known
   * @param sentBytes after compression, as sent; -1 when not known
   */
  default void sent(String table, long encodedBytes, long sentBytes) {
  }
}
