package dev.mcsink.reliability.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.mcsql.ConnectionSettings;
import dev.mcsink.reliability.delivery.DeliveryCheck;
import dev.mcsink.reliability.delivery.DeliveryReport;
import dev.mcsink.reliability.delivery.DeliverySettings;
import dev.mcsink.stack.JavaProcess;
import dev.mcsink.stack.PrometheusAgent;
import dev.mcsink.stack.StackJars;
import dev.mcsink.stack.status.MetricsEndpoint;
import dev.mcsink.stack.status.Sample;
import dev.mcsink.stack.status.StatusLines;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's Prometheus endpoint, as bin/quickstart runs it: a worker (the fault suite's
 * stack, one worker) with the exporter's agent and the repository's rules file, scraped over HTTP
 * while the packaged connector writes a few hundred records, some of them routed to an error topic.
 */
class ScrapedWorkerMetricsTest {
  private static final String CONNECTOR = "scraped";
  private static final String TOPIC = "scraped_orders";
  private static final String ERRORS = "scraped_orders_errors";
  private static final int RECORDS = 300;
  /** Every tenth record has a field the table lacks: it is routed to the error topic. */
  private static final int BAD = RECORDS / 10;
  private static final int GOOD = RECORDS - BAD;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void theScrapeCountsWhatLandedAndWhatWasRoutedAndTheStatusLineShowsTheRowsLanded(@TempDir Path dir) throws Exception {
    PrometheusAgent agent = PrometheusAgent.inModule(Path.of(System.getProperty("local.stack.dir")));
    int port = JavaProcess.freePort();
    StackJars jars = new StackJars(Files.readString(Path.of(System.getProperty("stack.classpath.file"))).trim(),
        Path.of(System.getProperty("stack.log4j.config")));
    try (ChaosStack stack = ChaosStack.start(jars, Path.of(System.getProperty("plugin.path")), dir,
        agent.jvmOptions(port))) {
      stack.sql("CREATE TABLE " + TOPIC + "(topic STRING, `partition` BIGINT, `offset` BIGINT, id BIGINT, name STRING)"
          + " PARTITIONED BY (pt STRING);");
      stack.createTopic(TOPIC, 1);
      stack.createTopic(ERRORS, 1);
      produce(stack.bootstrapServers());
      stack.worker().createConnector(CONNECTOR, SinkConnectorConfig.documentExample(stack.maxCompute(), "FLATTEN")
          .topics(TOPIC).table(TOPIC).tasksMax(1).partitionWindow("DAY")
          .set("runtime.error.topic.name", ERRORS)
          .set("runtime.error.topic.bootstrap.servers", stack.bootstrapServers())
          .build());
      MetricsEndpoint endpoint = new MetricsEndpoint(URI.create("http://localhost:" + port + "/metrics"));

      List<Sample> drained = awaitScrape(stack, endpoint, scrape -> value(scrape, "maxcompute_sink_commit_lag") == 0
          && value(scrape, "maxcompute_sink_rows_written_total") + value(scrape, "maxcompute_sink_records_routed_total")
          == RECORDS);
      DeliveryReport delivered = DeliveryCheck.run(deliverySettings(stack));

      assertThat(value(drained, "maxcompute_sink_rows_written_total")).as("rows written, as the table holds them")
          .isEqualTo(delivered.rowsOfTopic()).isEqualTo(GOOD);
      assertThat(value(drained, "maxcompute_sink_records_routed_total")).as("records routed, as the error topic holds them")
          .isEqualTo(delivered.errorTopics().get(0).records()).isEqualTo(BAD);
      assertThat(value(drained, "kafka_connect_sink_task_metrics_sink_record_read_total")).as("Connect's own")
          .isEqualTo(RECORDS);
      assertThat(drained.stream().filter(s -> s.name().equals("maxcompute_sink_table_rows_written_total")))
          .as("the table's own count, labelled with it")
          .extracting(Sample::labels, Sample::value)
          .containsExactly(tuple(Map.of("connector", CONNECTOR, "task", "0", "table",
              LocalMaxCompute.DEFAULT_PROJECT + "." + TOPIC), (double) GOOD));
      assertThat(value(drained, "maxcompute_sink_upload_commits_total")).as("upload commits, one per write")
          .isEqualTo(value(drained, "maxcompute_sink_writes_total")).isPositive();
      assertThat(value(drained, "maxcompute_sink_bytes_sent_total")).as("bytes sent").isPositive();
      assertThat(drained).as("string attributes (error-route) and the JVM's metrics are dropped")
          .noneMatch(s -> s.name().contains("error_route") || s.name().startsWith("jvm_"));
      assertThat(drained.stream().filter(s -> s.name().equals("maxcompute_sink_rows_written_total")))
          .extracting(Sample::labels).containsExactly(Map.of("connector", CONNECTOR, "task", "0"));

      StatusLines status = new StatusLines();
      status.next(endpoint.scrape(), System.nanoTime());
      assertThat(status.next(endpoint.scrape(), System.nanoTime())).containsExactly(CONNECTOR + ": 0 rows/s, " + GOOD
          + " rows landed, commit lag 0, errors " + BAD + " (" + BAD + " routed, 0 transient and 0 fatal write failures)");
    }
  }

  private static void produce(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        String value = i % 10 == 9
            ? "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"extendinfos\":\"null\"}"
            : "{\"id\":" + i + ",\"name\":\"n" + i + "\"}";
        producer.send(new ProducerRecord<>(TOPIC, String.valueOf(i), value));
      }
    }
  }

  /** Scrapes until the condition holds; fails early if a task fails. */
  private static List<Sample> awaitScrape(ChaosStack stack, MetricsEndpoint endpoint, Predicate<List<Sample>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    String last = "no answer from " + endpoint;
    while (System.nanoTime() < deadline) {
      String failure = stack.worker().failure(CONNECTOR);
      assertThat(failure).as("task failure").isNull();
      try {
        List<Sample> scrape = endpoint.scrape();
        if (done.test(scrape)) {
          return scrape;
        }
        last = scrape.stream().filter(s -> s.name().startsWith("maxcompute_sink_")).toList().toString();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200); // the pace of scrapes while the connector drains, not synchronisation
    }
    throw new AssertionError("not drained within " + DRAIN_TIMEOUT + "; last scrape: " + last);
  }

  /** The sum over tasks; 0 for a metric the scrape lacks. */
  private static double value(List<Sample> scrape, String metric) {
    return scrape.stream().filter(s -> s.name().equals(metric)).mapToDouble(Sample::value).sum();
  }

  private static DeliverySettings deliverySettings(ChaosStack stack) {
    LocalMaxCompute maxCompute = stack.maxCompute();
    ConnectionSettings service = new ConnectionSettings(maxCompute.endpoint(), LocalMaxCompute.DEFAULT_PROJECT,
        maxCompute.accessId(), maxCompute.accessKey(), null);
    return DeliverySettings.of(TOPIC, TOPIC, service, stack.bootstrapServers()).withErrorTopics(List.of(ERRORS));
  }
}
