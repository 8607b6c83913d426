package dev.mcsink.reliability.delivery;

import java.util.Optional;

/**
 * Reads an error topic (this connector's or Connect's dead-letter queue) to its current end and
 * reports each record that names an origin in the checked topic.
 */
final class ErrorTopicReader {
  /** Receives the origin of each error record that came from the checked topic. */
  interface RoutedRecords {
    void routed(int partition, long offset);
  }

  private final TopicReader kafka;

  ErrorTopicReader(TopicReader kafka) {
    this.kafka = kafka;
  }

  ErrorTopicCount read(String errorTopic, String checkedTopic, RoutedRecords routed) {
    Counts counts = new Counts();
    kafka.read(errorTopic, kafka.bounds(errorTopic), record -> {
      counts.records++;
      Optional<ErrorOrigin> origin = ErrorOrigin.of(record.headers());
      if (origin.isPresent() && origin.get().topic().equals(checkedTopic)) {
        counts.fromChecked++;
        routed.routed(origin.get().partition(), origin.get().offset());
      }
    });
    return new ErrorTopicCount(errorTopic, counts.records, counts.fromChecked);
  }

  private static final class Counts {
    long records;
    long fromChecked;
  }
}
