package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tunnel metrics that keep what an adapter reported (from any of its threads). */
final class RecordingTunnelMetrics implements TunnelMetrics {
  private final Map<TunnelEvent, AtomicLong> events = new ConcurrentHashMap<>();
  final AtomicLong encodedBytes = new AtomicLong();
  final AtomicLong sentBytes = new AtomicLong();
  final Set<String> tables = ConcurrentHashMap.newKeySet();

  @Override
  public void counted(TunnelEvent event) {
    events.computeIfAbsent(event, e -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void sent(String table, long encoded, long sent) {
    tables.add(table);
    if (encoded >= 0) {
      encodedBytes.addAndGet(encoded);
    }
    if (sent >= 0) {
      sentBytes.addAndGet(sent);
    }
  }

  long count(TunnelEvent event) {
    AtomicLong count = events.get(event);
    return count == null ? 0 : count.get();
  }
}
