package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces failed records to the error topic ({@code runtime.error.topic.name}): the record's key
 * and value as bytes ({@link ConnectDataBytes}), its timestamp, its own headers, and headers
 * naming the error and where the record came from. Sends are asynchronous; {@link #flush()}
 * waits for them and fails if any did not reach the topic, so offsets are not committed for it.
 */
final class ErrorTopicRoute implements FailedRecordHandler {
  static final String ERROR_MESSAGE = "mc.error.message";
  static final String ERROR_CLASS = "mc.error.class";
  static final String SOURCE_TOPIC = "mc.source.topic";
  static final String SOURCE_PARTITION = "mc.source.partition";
  static final String SOURCE_OFFSET = "mc.source.offset";

  private static final Logger log = LoggerFactory.getLogger(ErrorTopicRoute.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final String topic;
  private final Map<String, Object> producerConfig;
  private final Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory;
  /** The first send that failed since the last flush; the producer's I/O thread sets it. */
  private final AtomicReference<SendFailure> failure = new AtomicReference<>();
  private Producer<byte[], byte[]> producer;

  ErrorTopicRoute(String topic, Map<String, Object> producerConfig,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory) {
    this.topic = topic;
    this.producerConfig = Map.copyOf(producerConfig);
    this.producerFactory = producerFactory;
  }

  /**
   * The producer's settings: the user's {@code runtime.error.topic.*} extras (security, SASL...),
   * then what this route needs to be correct, which the extras cannot change: acks=all (a record
   * acknowledged by one broker only could be lost, and its offset committed). Idempotence is a
   * default the user may turn off (it costs an IDEMPOTENT_WRITE ACL on brokers before 2.8); without
   * it the error topic may get duplicates, never losses.
   */
  static Map<String, Object> producerConfig(String bootstrapServers, Map<String, Object> overrides) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putAll(overrides);
    // runtime.error.topic.name / .bootstrap.servers share the prefix of the extras: not producer keys here.
    config.remove("name");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, withoutScheme(bootstrapServers));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  /**
   * The product document's example gives {@code http://XXXX}; Kafka wants {@code host:port}.
   * Strips an http(s):// prefix and a trailing slash from each address of the list.
   */
  static String withoutScheme(String bootstrapServers) {
    StringBuilder out = new StringBuilder();
    for (String address : bootstrapServers.split(",")) {
      String a = address.trim();
      String lower = a.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("http://")) {
        a = a.substring("http://".length());
      } else if (lower.startsWith("https://")) {
        a = a.substring("https://".length());
      }
      while (a.endsWith("/")) {
        a = a.substring(0, a.length() - 1);
      }
      if (a.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(a);
    }
    return out.toString();
  }

  String topic() {
    return topic;
  }

  @Override
  public synchronized void handle(SinkRecord record, Exception reason) {
    RecordOrigin origin = RecordOrigin.of(record);
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, null, record.timestamp(),
        ConnectDataBytes.of(record.key()), ConnectDataBytes.of(record.value()), headers(record, origin, reason));
    try {
      producer().send(out, (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, new SendFailure(origin, error));
        }
      });
    } catch (RuntimeException e) {
      throw new ConnectException("Cannot send the failed record (" + origin + ") to error topic "
          + topic + ": " + e, e);
    }
    log.debug("Record ({}) sent to error topic {}: {}", origin, topic, reason.toString());
  }

  /** Waits for every send; throws if one failed, once, so that the caller does not commit offsets. */
  @Override
  public synchronized void flush() {
    if (producer == null) {
      return;
    }
    producer.flush();
    SendFailure failed = failure.getAndSet(null);
    if (failed != null) {
      // An idempotent producer that lost a send may be unusable: start afresh on the next record.
      closeProducer(Duration.ZERO);
      throw new ConnectException("A failed record (" + failed.origin + ") did not reach error topic "
          + topic + ": " + failed.error, failed.error);
    }
  }

  @Override
  public synchronized void close() {
    closeProducer(CLOSE_TIMEOUT);
  }

  private Producer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = producerFactory.apply(producerConfig);
    }
    return producer;
  }

  private void closeProducer(Duration timeout) {
    if (producer != null) {
      try {
        producer.close(timeout);
      } catch (RuntimeException e) {
        log.warn("Closing the producer of error topic {} failed", topic, e);
      }
      producer = null;
    }
  }

  private static RecordHeaders headers(SinkRecord record, RecordOrigin origin, Exception reason) {
    RecordHeaders headers = new RecordHeaders();
    if (record.headers() != null) {
      for (Header h : record.headers()) {
        headers.add(h.key(), ConnectDataBytes.of(h.value()));
      }
    }
    headers.add(ERROR_MESSAGE, utf8(reason.getMessage() == null ? reason.toString() : reason.getMessage()));
    headers.add(ERROR_CLASS, utf8(reason.getClass().getName()));
    headers.add(SOURCE_TOPIC, utf8(origin.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(origin.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(origin.offset())));
    return headers;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final class SendFailure {
    final RecordOrigin origin;
    final Exception error;

    SendFailure(RecordOrigin origin, Exception error) {
      this.origin = origin;
      this.error = error;
    }
  }
}
