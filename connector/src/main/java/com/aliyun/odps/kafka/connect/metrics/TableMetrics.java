package com.aliyun.odps.kafka.connect.metrics;

import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Meter;

/**
 * One table's share of a task's writes, for a task that writes several tables (tables by topic):
 * the task's metrics with one more tag, {@code table} (project.table, or project.schema.table), as
 * Kafka's consumer tags its per-topic metrics.
 */
final class TableMetrics {
  private final Sensor rows;
  private final Sensor encoded;
  private final Sensor sent;

  TableMetrics(MetricRegistry registry, String table) {
    Map<String, String> tag = Map.of("table", table);
    String prefix = "table:" + table + ":";
    rows = registry.sensor(prefix + "rows-written");
    rows.add(new Meter(registry.name("rows-written-rate", "rows committed in this table, per second", tag),
        registry.name("rows-written-total", "rows committed in this table", tag)));
    rows.add(registry.name("writes-total", "writes committed in this table", tag), new CumulativeCount());
    encoded = registry.sensor(prefix + "bytes-encoded");
    encoded.add(registry.name("bytes-encoded-total", "bytes of this table's rows before compression", tag),
        new CumulativeSum());
    sent = registry.sensor(prefix + "bytes-sent");
    sent.add(registry.name("bytes-sent-total", "bytes of this table's rows sent, after compression", tag),
        new CumulativeSum());
  }

  void written(int rowCount) {
    rows.record(rowCount);
  }

  void sent(long encodedBytes, long sentBytes) {
    if (encodedBytes >= 0) {
      encoded.record(encodedBytes);
    }
    if (sentBytes >= 0) {
      sent.record(sentBytes);
    }
  }
}
