package dev.mcsink.reliability.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a topic with the rows a sink wrote for it: which of the topic's records (up to the end
 * offsets at the start of the check) have a row in the table, how many rows too many, and which
 * went to an error topic instead. The plain-Java entry point of {@code bin/verify-delivery}.
 *
 * <p>The topic is read first, then the table, then the error topics, so that a record produced
 * before the check started has had every chance to be found where it went.
 */
public final class DeliveryCheck {
  /** Missing offsets listed per partition, as ranges. */
  public static final int MISSING_RANGES_SHOWN = 10;

  private DeliveryCheck() {}

  /** @throws DeliveryCheckException when a topic, the table or a service cannot be read */
  public static DeliveryReport run(DeliverySettings settings) {
    try (TopicReader kafka = new TopicReader(settings.bootstrapServers(), settings.kafkaProperties(),
        settings.kafkaTimeout())) {
      Map<Integer, PartitionTally> tallies = new TreeMap<>();
      List<PartitionBounds> bounds = kafka.bounds(settings.topic());
      for (PartitionBounds b : bounds) {
        tallies.put(b.partition(), new PartitionTally(b.partition(), b.first(), b.end()));
      }
      kafka.read(settings.topic(), bounds, record -> tallies.get(record.partition()).expect(record.offset()));

      TableOriginReader.TableScan scan = new TableOriginReader(settings.maxCompute(), settings.tunnelEndpoint())
          .read(settings.table(), settings.partitionSpecs(), settings.topic(), (partition, offset) ->
              tallies.computeIfAbsent(partition, PartitionTally::unknownToTheTopic).landed(offset));

      ErrorTopicReader errors = new ErrorTopicReader(kafka);
      List<ErrorTopicCount> errorCounts = new ArrayList<>();
      for (String errorTopic : settings.errorTopics()) {
        errorCounts.add(errors.read(errorTopic, settings.topic(), (partition, offset) -> {
          PartitionTally tally = tallies.get(partition);
          if (tally != null) {
            tally.routed(offset);
          }
        }));
      }

      List<PartitionDelivery> partitions = tallies.values().stream()
          .map(t -> t.delivery(MISSING_RANGES_SHOWN))
          .toList();
      return new DeliveryReport(settings.topic(), settings.table(), scan.tablePartitions(), scan.rowsOfTopic(),
          scan.rowsWithoutOrigin(), errorCounts, partitions);
    }
  }
}
