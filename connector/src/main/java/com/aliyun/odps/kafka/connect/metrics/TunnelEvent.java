package com.aliyun.odps.kafka.connect.metrics;

/**
 * What the Tunnel adapters count: the requests that carry data and the service's quotas count
 * (sessions, blocks, packs and commits per table). Each is a {@code -total} metric of the task.
 */
public enum TunnelEvent {
  UPLOAD_SESSION("upload-sessions-total", "batch upload sessions opened for data"),
  BLOCK("blocks-total", "blocks uploaded into them"),
  UPLOAD_COMMIT("upload-commits-total", "batch upload sessions committed"),
  STREAM_SESSION("stream-sessions-total", "stream upload sessions opened (use_streaming)"),
  STREAM_PACK("stream-packs-total", "record packs the streaming Tunnel took"),
  UPSERT_SESSION("upsert-sessions-total", "upsert sessions opened (write.mode UPSERT)"),
  UPSERT_COMMIT("upsert-commits-total", "upsert sessions committed");

  private final String metric;
  private final String description;

  TunnelEvent(String metric, String description) {
    this.metric = metric;
    this.description = description;
  }

  String metric() {
    return metric;
  }

  String description() {
    return description;
  }
}
