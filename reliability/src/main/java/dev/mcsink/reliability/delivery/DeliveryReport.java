package dev.mcsink.reliability.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of a {@link DeliveryCheck}: per Kafka partition, and the totals over them.
 *
 * @param tablePartitions   the table partitions read ("" for a table without partitions)
 * @param rowsOfTopic       table rows whose topic column is the checked topic
 * @param rowsWithoutOrigin rows of the topic with a NULL partition or offset (in no partition's figures)
 */
public record DeliveryReport(String topic, String table, List<String> tablePartitions, long rowsOfTopic,
    long rowsWithoutOrigin, List<ErrorTopicCount> errorTopics, List<PartitionDelivery> partitions) {
  public DeliveryReport {
    tablePartitions = List.copyOf(tablePartitions);
    errorTopics = List.copyOf(errorTopics);
    partitions = List.copyOf(partitions);
  }

  /** The sum over partitions; partition -1, no missing offsets listed. */
  @JsonProperty("total")
  public PartitionDelivery total() {
    long expected = 0;
    long landed = 0;
    long duplicated = 0;
    long routed = 0;
    long missing = 0;
    long unexpected = 0;
    for (PartitionDelivery p : partitions) {
      expected += p.expected();
      landed += p.landed();
      duplicated += p.duplicated();
      routed += p.routedToErrors();
      missing += p.missing();
      unexpected += p.unexpected();
    }
    return new PartitionDelivery(-1, expected, landed, duplicated, routed, missing, unexpected, List.of());
  }

  /** True when every expected record landed or went to an error topic. */
  @JsonProperty("complete")
  public boolean complete() {
    return total().missing() == 0;
  }
}
