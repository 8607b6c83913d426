package dev.mcsink.reliability.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record an error-topic record stands for, read from its headers. Two writers are understood,
 * both writing the values as UTF-8 decimal text: this connector's error topic
 * ({@code runtime.error.topic.name}) and Kafka Connect's dead-letter queue with
 * {@code errors.deadletterqueue.context.headers.enable=true}.
 */
record ErrorOrigin(String topic, int partition, long offset) {
  private record HeaderNames(String topic, String partition, String offset) {}

  private static final List<HeaderNames> KNOWN = List.of(
      // the connector's ErrorTopicRoute
      new HeaderNames("mc.source.topic", "mc.source.partition", "mc.source.offset"),
      // Kafka Connect's DeadLetterQueueReporter
      new HeaderNames("__connect.errors.topic", "__connect.errors.partition", "__connect.errors.offset"));

  /** Empty when the record names no origin in either format, or names it unreadably. */
  static Optional<ErrorOrigin> of(Headers headers) {
    for (HeaderNames names : KNOWN) {
      String topic = text(headers.lastHeader(names.topic()));
      String partition = text(headers.lastHeader(names.partition()));
      String offset = text(headers.lastHeader(names.offset()));
      if (topic != null && partition != null && offset != null) {
        try {
          return Optional.of(new ErrorOrigin(topic, Integer.parseInt(partition.trim()), Long.parseLong(offset.trim())));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Header header) {
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
