package dev.mcsink.reliability.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scenario's connector writes: the write path, and the settings that decide whether a replay
 * after a fault repeats rows. At-least-once configurations may duplicate; exactly-once ones fail the
 * scenario on a duplicate as on a missing record.
 */
enum Delivery {
  /** The batch Tunnel, as configured by default. */
  BATCH("batch", false, "batch"),
  /** The streaming Tunnel. */
  STREAM("stream", true, "stream"),
  /** The batch Tunnel with exactly_once=true: a replay skips what MaxCompute already committed. */
  EXACTLY_ONCE_BATCH("batch", false, "batch, exactly_once=true"),
  /**
   * write.mode UPSERT into a Delta table keyed by the record's origin: a replayed record replaces
   * its own row, so append-only data lands exactly once.
   */
  UPSERT_BY_ORIGIN("batch", false, "upsert keyed by topic, partition, offset"),
  /** write.mode UPSERT into a Delta table keyed by the data's own key: the last value per key. */
  UPSERT_BY_KEY("batch", false, "upsert keyed by id");

  /** The exactly-once configurations, each of which runs every delivery scenario. */
  static final List<Delivery> EXACTLY_ONCE = List.of(EXACTLY_ONCE_BATCH, UPSERT_BY_ORIGIN);
  /** The key of a Delta table keyed by the origin columns. */
  static final String ORIGIN_KEY = "topic, `partition`, `offset`";
  /** Upserts are committed at this pace; the connector's default (3 minutes) would outlast a short run. */
  private static final String UPSERT_COMMIT_INTERVAL_MS = "2000";

  private final String path;
  private final boolean streaming;
  private final String label;

  Delivery(String path, boolean streaming, String label) {
    this.path = path;
    this.streaming = streaming;
    this.label = label;
  }

  /** The write path, as the report's JSON has always named it: batch or stream. */
  String path() {
    return path;
  }

  /** How the report names the configuration: the path alone for the at-least-once ones. */
  String label() {
    return label;
  }

  /** The end of the names of the topic, table and connector a run makes. */
  String tableSuffix() {
    return this == BATCH || this == STREAM ? path : name().toLowerCase(java.util.Locale.ROOT);
  }

  boolean streaming() {
    return streaming;
  }

  /** Whether a duplicated row fails the scenario. */
  boolean exactlyOnce() {
    return this == EXACTLY_ONCE_BATCH || this == UPSERT_BY_ORIGIN;
  }

  /** "exactly-once" or "at-least-once", for the JSON report. */
  String guarantee() {
    return exactlyOnce() ? "exactly-once" : "at-least-once";
  }

  /** The primary key of the Delta table this configuration writes, or null for a plain table. */
  String primaryKey(Workload workload) {
    switch (this) {
      case UPSERT_BY_ORIGIN:
        return ORIGIN_KEY;
      case UPSERT_BY_KEY:
        return workload.primaryKey();
      default:
        return null;
    }
  }

  Map<String, String> connectorSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("use_streaming", Boolean.toString(streaming));
    if (this == EXACTLY_ONCE_BATCH) {
      settings.put("exactly_once", "true");
    }
    if (this == UPSERT_BY_ORIGIN || this == UPSERT_BY_KEY) {
      settings.put("write.mode", "UPSERT");
      settings.put("upsert.commit.interval.ms", UPSERT_COMMIT_INTERVAL_MS);
    }
    return settings;
  }
}
