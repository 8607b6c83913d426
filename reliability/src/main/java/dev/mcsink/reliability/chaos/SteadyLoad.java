package dev.mcsink.reliability.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer sending a steady number of records per second, shared over its topics (each topic gets
 * the same sequence of messages), over their partitions as
 * the messages say (round robin by default), until closed; a send the broker refuses (for instance
 * while it restarts) is retried by the producer and, if it still fails, counted and not repeated:
 * the topic, not this count, is what the delivery check expects.
 */
final class SteadyLoad implements AutoCloseable {
  private static final long TICK_MILLIS = 100;

  private final KafkaProducer<byte[], byte[]> producer;
  private final Thread thread;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running = true;
  private volatile Exception stoppedBy;

  SteadyLoad(String bootstrapServers, List<String> topics, int partitions, int perSecond, Messages messages) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // Idempotence keeps a broker restart from writing a batch twice into the topic.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(ChaosStack.MAX_MESSAGE_BYTES));
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    int perTick = Math.max(1, (int) (perSecond / topics.size() * TICK_MILLIS / 1000));
    this.thread = new Thread(() -> produce(topics, partitions, perTick, messages), "chaos-load-" + topics.get(0));
    thread.setDaemon(true);
    thread.start();
  }

  private void produce(List<String> topics, int partitions, int perTick, Messages messages) {
    long n = 0;
    long nextTick = System.nanoTime();
    try {
      while (running) {
        for (int i = 0; i < perTick; i++, n++) {
          for (String topic : topics) {
            ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, messages.partition(n, partitions), messages.key(n), messages.value(n));
            producer.send(record, (metadata, error) -> (error == null ? acknowledged : failed).incrementAndGet());
          }
        }
        nextTick += TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
        long wait = nextTick - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not waiting for a condition
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      stoppedBy = e;
    }
  }

  long acknowledged() {
    return acknowledged.get();
  }

  long failed() {
    return failed.get();
  }

  /** Stops sending and waits for every send in flight to be answered. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.MINUTES.toMillis(1));
    producer.close(Duration.ofMinutes(2));
    if (stoppedBy != null) {
      throw new IllegalStateException("The producer stopped early", stoppedBy);
    }
  }
}
