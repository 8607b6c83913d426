package dev.mcsink.reliability.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where records that do not fit the table go, as the connector is configured. */
enum ErrorRoute {
  /** No route and skip_error false: the task must stop at the first bad record. */
  NONE,
  /** The connector's own error topic (runtime.error.topic.*). */
  ERROR_TOPIC,
  /** Kafka Connect's dead-letter queue (errors.tolerance=all). */
  DEAD_LETTER_QUEUE;

  Map<String, String> connectorSettings(String topic, String bootstrapServers) {
    Map<String, String> settings = new LinkedHashMap<>();
    switch (this) {
      case ERROR_TOPIC:
        settings.put("runtime.error.topic.name", errorTopic(topic));
        settings.put("runtime.error.topic.bootstrap.servers", bootstrapServers);
        settings.put("runtime.error.topic.max.request.size", Integer.toString(ChaosStack.MAX_MESSAGE_BYTES));
        break;
      case DEAD_LETTER_QUEUE:
        settings.put("errors.tolerance", "all");
        settings.put("errors.deadletterqueue.topic.name", deadLetterTopic(topic));
        settings.put("errors.deadletterqueue.topic.replication.factor", "1");
        settings.put("errors.deadletterqueue.context.headers.enable", "true");
        break;
      default:
        settings.put("skip_error", "false");
    }
    return settings;
  }

  /** The topics the delivery check counts as routed. */
  List<String> routedTopics(String topic) {
    switch (this) {
      case ERROR_TOPIC:
        return List.of(errorTopic(topic));
      case DEAD_LETTER_QUEUE:
        return List.of(deadLetterTopic(topic));
      default:
        return List.of();
    }
  }

  static String errorTopic(String topic) {
    return topic + "_errors";
  }

  static String deadLetterTopic(String topic) {
    return topic + "_dlq";
  }
}
