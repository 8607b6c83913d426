package com.aliyun.odps.kafka.connect.config;

// placeholder: replaced at merge

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** Placeholder parsing of the keys the write path needs; the real class comes from another branch. */
public final class MaxComputeSinkConfig {
  private final Map<String, String> props;

  public MaxComputeSinkConfig(Map<String, String> props) {
    this.props = props;
  }

  public SinkSettings settings() {
    SinkSettings.Builder b = SinkSettings.builder()
        .endpoint(props.get("endpoint"))
        .tunnelEndpoint(props.getOrDefault("tunnel_endpoint", ""))
        .project(props.get("project"))
        .schema(props.getOrDefault("schema", ""))
        .table(props.get("table"))
        .accessId(props.getOrDefault("access_id", ""))
        .accessKey(props.getOrDefault("access_key", ""))
        .format(MessageFormat.valueOf(upper("format", "TEXT")))
        .mode(MessageMode.valueOf(upper("mode", "DEFAULT")))
        .partitionWindow(PartitionWindow.valueOf(upper("partition_window_type", "HOUR")))
        .bufferSizeKb(Integer.parseInt(props.getOrDefault("buffer_size_kb", "65536")))
        .retryTimes(Integer.parseInt(props.getOrDefault("retry_times", "3")))
        .recordBatchSize(Integer.parseInt(props.getOrDefault("record_batch_size", "8000")))
        .skipError(Boolean.parseBoolean(props.getOrDefault("skip_error", "false")));
    if (props.containsKey("sink_pool_size")) {
      b.sinkPoolSize(Integer.parseInt(props.get("sink_pool_size")));
    }
    if (props.containsKey("time_zone")) {
      b.timeZone(ZoneId.of(props.get("time_zone")));
    }
    return b.build();
  }

  private String upper(String key, String def) {
    return props.getOrDefault(key, def).toUpperCase(Locale.ROOT);
  }
}
