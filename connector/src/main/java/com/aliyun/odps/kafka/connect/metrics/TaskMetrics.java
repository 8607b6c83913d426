package com.aliyun.odps.kafka.connect.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Meter;
import org.apache.kafka.common.metrics.stats.Percentile;
import org.apache.kafka.common.metrics.stats.Percentiles;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A task's metrics, named as Kafka names its own: {@code -total} counts since the task started,
 * {@code -rate} per second over the recent samples, {@code -avg}/{@code -max}/{@code -p50}/{@code -p99}
 * over the recent samples, and gauges read when asked. Registered where {@link MetricRegistries}
 * says; {@code docs/monitoring.md} lists them and what to alert on.
 *
 * <p>Sensors are thread-safe; the gauges read volatile fields the task thread sets once per put
 * and preCommit, so a reporter never touches the writer's own state.
 */
public final class TaskMetrics implements WriteMetrics, TunnelMetrics {
  /** The latency histogram: 0 to 30 s in 1,000 buckets (30 ms apart). */
  private static final int LATENCY_HISTOGRAM_BYTES = 4 * 1_000;
  private static final double LATENCY_HISTOGRAM_MAX_MS = 30_000;

  private final MetricRegistry registry;
  private final Sensor received;
  private final Sensor routed;
  private final Sensor rowsWritten;
  private final Sensor writeLatency;
  private final Sensor transientFailures;
  private final Sensor fatalFailures;
  private final Sensor retries;
  private final Sensor encoded;
  private final Sensor sent;
  private final Map<TunnelEvent, Sensor> events = new EnumMap<>(TunnelEvent.class);
  /** By table name, registered at a table's first write. */
  private final Map<String, TableMetrics> tables = new ConcurrentHashMap<>();
  private volatile String errorRoute = "unknown";
  private volatile LongSupplier credentialRefreshes = () -> 0;
  private volatile LongSupplier credentialRefreshFailures = () -> 0;
  private volatile long heldRows;
  private volatile long heldBytes;
  private volatile long oldestRowAtMs = -1;
  private volatile long commitLag;

  TaskMetrics(MetricRegistry registry) {
    this.registry = registry;
    received = meter("records-received", "records taken from put, each once");
    routed = meter("records-routed", "records sent to the failed-record route (see error-route)");
    rowsWritten = meter("rows-written", "rows committed in MaxCompute");
    writeLatency = registry.sensor("write-latency");
    writeLatency.add(registry.name("write-latency-avg", "average ms a write took until MaxCompute committed it"),
        new Avg());
    writeLatency.add(registry.name("write-latency-max", "longest ms a write took"), new Max());
    writeLatency.add(new Percentiles(LATENCY_HISTOGRAM_BYTES, LATENCY_HISTOGRAM_MAX_MS,
        Percentiles.BucketSizing.LINEAR,
        new Percentile(registry.name("write-latency-p50", "median ms a write took (30 ms buckets)"), 50),
        new Percentile(registry.name("write-latency-p99", "99th percentile of the ms a write took"), 99)));
    writeLatency.add(registry.name("writes-total", "writes committed in MaxCompute (batch commits,"
        + " stream packs, upsert commits)"), new CumulativeCount());
    transientFailures = count("write-failures-transient-total", "writes that failed transiently (kept, retried)");
    fatalFailures = count("write-failures-fatal-total", "writes that failed for good (the task stops)");
    retries = count("write-retries-total", "writes started again after a transient failure");
    encoded = count("bytes-encoded-total", "bytes of rows in the Tunnel's wire format before compression (batch and"
        + " streaming paths; upserts only without compression)");
    sent = count("bytes-sent-total", "bytes of rows sent, after compression");
    for (TunnelEvent event : TunnelEvent.values()) {
      events.put(event, count(event.metric(), event.description()));
    }
    gauge("credential-refreshes-total", "temporary credentials fetched after the first (account_type STS)",
        () -> credentialRefreshes.getAsLong());
    gauge("credential-refresh-failures-total", "fetches of temporary credentials that failed (account_type STS)",
        () -> credentialRefreshFailures.getAsLong());
    gauge("buffered-rows", "rows held in open buffers, not yet handed to a write", () -> heldRows);
    gauge("buffered-bytes", "estimated bytes of the rows in open buffers", () -> heldBytes);
    registry.add(registry.name("oldest-buffered-row-age-ms", "ms since the oldest row in an open buffer arrived;"
        + " 0 when none is"), (Gauge<Long>) (config, now) -> {
          long oldest = oldestRowAtMs;
          return oldest < 0 ? 0L : Math.max(0, now - oldest);
        });
    gauge("commit-lag", "records consumed whose offsets were not committable at the last preCommit", () -> commitLag);
    registry.add(registry.name("error-route", "where records that cannot be written go"),
        (Gauge<String>) (config, now) -> errorRoute);
  }

  /**
   * Registers a task's metrics with the worker's plugin metrics (KIP-877) when the worker has them,
   * else as an MBean of their own ({@link OwnJmxMetrics}).
   */
  public static TaskMetrics register(SinkTaskContext context, String connector, int task) {
    return new TaskMetrics(MetricRegistries.forTask(context, connector, task));
  }

  /** The task's failed-record route, shown as the {@code error-route} gauge once the route is open. */
  public void errorRoute(String route) {
    this.errorRoute = route;
  }

  /** Where the credential gauges read their counts: the task's clients, once they are made. */
  public void credentials(LongSupplier refreshes, LongSupplier failures) {
    this.credentialRefreshes = refreshes;
    this.credentialRefreshFailures = failures;
  }

  /** The MBean the metrics appear under. */
  public String mbeanName() {
    return registry.mbeanName();
  }

  @Override
  public void received(int records) {
    if (records > 0) {
      received.record(records);
    }
  }

  @Override
  public void routed(int records) {
    routed.record(records);
  }

  @Override
  public void written(String table, int rows, long latencyMs) {
    rowsWritten.record(rows);
    writeLatency.record(latencyMs);
    table(table).written(rows);
  }

  @Override
  public void counted(TunnelEvent event) {
    events.get(event).record();
  }

  @Override
  public void sent(String table, long encodedBytes, long sentBytes) {
    if (encodedBytes >= 0) {
      encoded.record(encodedBytes);
    }
    if (sentBytes >= 0) {
      sent.record(sentBytes);
    }
    table(table).sent(encodedBytes, sentBytes);
  }

  @Override
  public void failedTransiently() {
    transientFailures.record();
  }

  @Override
  public void failedFatally() {
    fatalFailures.record();
  }

  @Override
  public void retried(int writes) {
    retries.record(writes);
  }

  @Override
  public void held(long rows, long bytes, long oldestRowAtMs) {
    this.heldRows = rows;
    this.heldBytes = bytes;
    this.oldestRowAtMs = oldestRowAtMs;
  }

  @Override
  public void commitLag(long records) {
    this.commitLag = records;
  }

  @Override
  public void close() {
    registry.close();
  }

  private TableMetrics table(String name) {
    return tables.computeIfAbsent(name, t -> new TableMetrics(registry, t));
  }

  /** {@code <name>-rate} and {@code <name>-total} of what is recorded. */
  private Sensor meter(String name, String what) {
    Sensor sensor = registry.sensor(name);
    sensor.add(new Meter(registry.name(name + "-rate", what + ", per second"),
        registry.name(name + "-total", what + ", since the task started")));
    return sensor;
  }

  /** The sum of what is recorded, since the task started. */
  private Sensor count(String name, String description) {
    Sensor sensor = registry.sensor(name);
    sensor.add(registry.name(name, description), new CumulativeSum());
    return sensor;
  }

  private void gauge(String name, String description, LongSupplier value) {
    registry.add(registry.name(name, description), (Gauge<Long>) (config, now) -> value.getAsLong());
  }
}
