package dev.mcsink.reliability.delivery;

import dev.mcsink.mcsql.ConnectionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link DeliveryCheck} compares, and where to find it.
 *
 * @param partitionSpecs   table partitions to read (see {@link TableOriginReader#read}); empty for all
 * @param errorTopics      error topics and dead-letter queues whose records count as delivered
 * @param tunnelEndpoint   null to ask the service for it
 * @param kafkaProperties  extra consumer settings (security, SASL)
 * @param kafkaTimeout     the longest a Kafka request may take, or reading may go without progress
 */
public record DeliverySettings(String topic, String table, List<String> partitionSpecs, List<String> errorTopics,
    ConnectionSettings maxCompute, String tunnelEndpoint, String bootstrapServers,
    Map<String, String> kafkaProperties, Duration kafkaTimeout) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(30);

  public DeliverySettings {
    partitionSpecs = List.copyOf(partitionSpecs);
    errorTopics = List.copyOf(errorTopics);
    kafkaProperties = Map.copyOf(kafkaProperties);
  }

  /** Every partition of the table, no error topic, the default Kafka timeout. */
  public static DeliverySettings of(String topic, String table, ConnectionSettings maxCompute,
      String bootstrapServers) {
    return new DeliverySettings(topic, table, List.of(), List.of(), maxCompute, null, bootstrapServers, Map.of(),
        DEFAULT_KAFKA_TIMEOUT);
  }

  public DeliverySettings withErrorTopics(List<String> topics) {
    return new DeliverySettings(topic, table, partitionSpecs, topics, maxCompute, tunnelEndpoint, bootstrapServers,
        kafkaProperties, kafkaTimeout);
  }

  public DeliverySettings withPartitionSpecs(List<String> specs) {
    return new DeliverySettings(topic, table, specs, errorTopics, maxCompute, tunnelEndpoint, bootstrapServers,
        kafkaProperties, kafkaTimeout);
  }

  /** Never shows the AccessKey secret ({@link ConnectionSettings#toString} hides it) nor Kafka settings. */
  @Override
  public String toString() {
    return "DeliverySettings[topic=" + topic + ", table=" + table + ", partitionSpecs=" + partitionSpecs
        + ", errorTopics=" + errorTopics + ", maxCompute=" + maxCompute + ", tunnelEndpoint=" + tunnelEndpoint
        + ", bootstrapServers=" + bootstrapServers + ", kafkaProperties=" + kafkaProperties.keySet()
        + ", kafkaTimeout=" + kafkaTimeout + "]";
  }
}
