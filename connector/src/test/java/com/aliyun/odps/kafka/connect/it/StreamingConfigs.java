package com.aliyun.odps.kafka.connect.it;

import dev.mcsink.localmc.LocalMaxCompute;
import java.util.Map;

/** The product document's connector JSON of each format, switched to the streaming Tunnel. */
final class StreamingConfigs {
  private StreamingConfigs() {
  }

  static Map<String, String> streaming(Map<String, String> documentConfig) {
    documentConfig.put("use_streaming", "true");
    return documentConfig;
  }

  /** The TEXT example's JSON for another topic and table, streaming, one task. */
  static Map<String, String> textInto(LocalMaxCompute mc, String topic, String table) {
    Map<String, String> c = streaming(DocumentConnectorConfigs.text(mc));
    c.put("topics", topic);
    c.put("table", table);
    c.put("tasks.max", "1");
    return c;
  }
}
