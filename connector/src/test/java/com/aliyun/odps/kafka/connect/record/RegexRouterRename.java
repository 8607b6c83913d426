package com.aliyun.odps.kafka.connect.record;

import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.RegexRouter;

/** A record as Connect's RegexRouter SMT hands it to the task after renaming its topic. */
public final class RegexRouterRename {
  private RegexRouterRename() {
  }

  /** {@code record} with its topic renamed to {@code prefix} + the topic, as {@code replacement=prefix$0} does. */
  public static SinkRecord withPrefix(String prefix, SinkRecord record) {
    try (RegexRouter<SinkRecord> router = new RegexRouter<>()) {
      router.configure(Map.of("regex", ".*", "replacement", prefix + "$0"));
      return router.apply(record);
    }
  }
}
