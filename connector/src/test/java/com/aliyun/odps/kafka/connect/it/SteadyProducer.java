package com.aliyun.odps.kafka.connect.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * A stream of records produced while a test disturbs the pipeline: {@code batch} records every
 * {@code periodMs}, record n keyed {@code k<n>} with value {@code v<n>} (or the given value) on
 * partition n % partitions, each send acknowledged by all replicas before the next, until
 * {@code records} are out (or until {@link #sendRestNow()} sends the rest at once). Closing stops
 * the stream and its producer.
 */
final class SteadyProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger sent = new AtomicInteger();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  /** What {@link #sendRestNow()} runs on the stream's thread. */
  private Runnable rest;

  private SteadyProducer(KafkaProducer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  static SteadyProducer start(EmbeddedKafkaCluster kafka, String topic, int partitions, int records, int batch,
      long periodMs) {
    return start(kafka, topic, partitions, records, batch, periodMs, n -> "v" + n);
  }

  /** As above, record n's value being {@code value.apply(n)}. */
  static SteadyProducer start(EmbeddedKafkaCluster kafka, String topic, int partitions, int records, int batch,
      long periodMs, IntFunction<String> value) {
    SteadyProducer stream = new SteadyProducer(kafka.createProducer(Map.of("acks", "all")));
    stream.rest = () -> stream.sendRest(topic, partitions, records, value);
    stream.thread.scheduleAtFixedRate(() -> stream.sendBatch(topic, partitions, records, batch, value),
        0, periodMs, TimeUnit.MILLISECONDS);
    return stream;
  }

  /** Records acknowledged by the broker so far (or being sent). */
  int sent() {
    return sent.get();
  }

  /**
   * Sends the records not sent yet without pausing between batches and without waiting for each
   * acknowledgement before the next send (the idempotent producer keeps their order within each
   * partition), in the same order and on the same partitions: for when the disturbance the stream
   * was running through is over. {@link #done()} completes once the broker has acknowledged them all.
   */
  void sendRestNow() {
    thread.execute(rest);
  }

  /** Completes when every record is sent, exceptionally when a send fails. */
  CompletableFuture<Void> done() {
    return done;
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
    producer.close();
  }

  private void sendBatch(String topic, int partitions, int records, int batch, IntFunction<String> value) {
    if (done.isDone()) {
      return;
    }
    try {
      for (int i = 0; i < batch && sent.get() < records; i++) {
        int n = sent.getAndIncrement();
        producer.send(record(topic, partitions, n, value)).get();
      }
      if (sent.get() >= records) {
        done.complete(null);
      }
    } catch (Exception e) {
      done.completeExceptionally(e);
    }
  }

  private void sendRest(String topic, int partitions, int records, IntFunction<String> value) {
    if (done.isDone()) {
      return;
    }
    try {
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      while (sent.get() < records) {
        int n = sent.getAndIncrement();
        acks.add(producer.send(record(topic, partitions, n, value)));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      done.complete(null);
    } catch (Exception e) {
      done.completeExceptionally(e);
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, int partitions, int n, IntFunction<String> value) {
    return new ProducerRecord<>(topic, n % partitions, bytes("k" + n), bytes(value.apply(n)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
