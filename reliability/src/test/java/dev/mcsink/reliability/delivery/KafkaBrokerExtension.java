package dev.mcsink.reliability.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real KRaft broker (combined with its controller) per test class, and ways to fill topics. */
final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final long TIMEOUT_SECONDS = 30;

  private KafkaClusterTestKit cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true)
        .setNumBrokerNodes(1)
        .setNumControllerNodes(1)
        .build())
        // One broker: the transaction log cannot have the default three replicas.
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("auto.create.topics.enable", "false")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Produces {@code count} records to one partition and waits for each to be acknowledged. */
  void produce(String topic, int partition, int count) throws Exception {
    withProducer(Map.of(), producer -> {
      for (int i = 0; i < count; i++) {
        send(producer, new ProducerRecord<>(topic, partition, null, utf8("value-" + i)));
      }
    });
  }

  /** One record with a key, to one partition; a null value is a tombstone. */
  void produceKeyed(String topic, int partition, String key, String value) {
    withProducer(Map.of(), producer -> send(producer,
        new ProducerRecord<>(topic, partition, utf8(key), value == null ? null : utf8(value))));
  }

  /** One record whose headers are the given names with UTF-8 values, as the error routes write them. */
  void produceWithHeaders(String topic, Map<String, String> headers) throws Exception {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, value) -> recordHeaders.add(name, utf8(value)));
    withProducer(Map.of(), producer ->
        send(producer, new ProducerRecord<>(topic, 0, null, null, utf8("failed"), recordHeaders)));
  }

  void withProducer(Map<String, Object> settings, Consumer<KafkaProducer<byte[], byte[]>> use) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      use.accept(producer);
    }
  }

  static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + record.topic(), e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
