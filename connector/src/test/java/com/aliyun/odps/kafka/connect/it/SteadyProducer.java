package com.aliyun.odps.kafka.connect.it;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A stream of records produced while a test disturbs the pipeline: {@code batch} records every
 * {@code periodMs}, record n keyed {@code k<n>} with value {@code v<n>} on partition n % partitions,
 * each send acknowledged before the next, until {@code records} are out.
 */
final class SteadyProducer {
  private final AtomicInteger sent = new AtomicInteger();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private SteadyProducer() {
  }

  /** Starts on {@code scheduler}; the caller owns the producer and shuts the scheduler down. */
  static SteadyProducer start(ScheduledExecutorService scheduler, KafkaProducer<byte[], byte[]> producer,
      String topic, int partitions, int records, int batch, long periodMs) {
    SteadyProducer stream = new SteadyProducer();
    scheduler.scheduleAtFixedRate(() -> stream.sendBatch(producer, topic, partitions, records, batch),
        0, periodMs, TimeUnit.MILLISECONDS);
    return stream;
  }

  /** Records acknowledged by the broker so far (or being sent). */
  int sent() {
    return sent.get();
  }

  /** Completes when every record is sent, exceptionally when a send fails. */
  CompletableFuture<Void> done() {
    return done;
  }

  private void sendBatch(KafkaProducer<byte[], byte[]> producer, String topic, int partitions, int records,
      int batch) {
    if (done.isDone()) {
      return;
    }
    try {
      for (int i = 0; i < batch && sent.get() < records; i++) {
        int n = sent.getAndIncrement();
        producer.send(new ProducerRecord<>(topic, n % partitions, bytes("k" + n), bytes("v" + n))).get();
      }
      if (sent.get() >= records) {
        done.complete(null);
      }
    } catch (Exception e) {
      done.completeExceptionally(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
