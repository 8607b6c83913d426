package dev.mcsink.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.stack.status.MetricsEndpoint;
import dev.mcsink.stack.status.PrometheusText;
import dev.mcsink.stack.status.Sample;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules file under the real agent, in a JVM whose MBeans have the shapes a worker registers:
 * the connector's task metrics (Kafka 4.1's plugin metrics and an older worker's own MBean), its
 * per-table metrics, Connect's own, and some the rules leave out. The reliability module scrapes a
 * real worker; this covers the shapes that worker does not have.
 */
class ExporterRulesTest {
  private static final Duration READY = Duration.ofSeconds(60);

  /** The child JVM: registers the MBeans, then waits to be stopped. */
  public static void main(String[] args) throws Exception {
    register("kafka.connect:type=plugins,connector=orders,task=0",
        Map.of("rows-written-total", 7.0, "rows-written-rate", 0.5, "commit-lag", 3.0, "error-route", "error-topic"));
    register("kafka.connect:type=plugins,connector=orders,task=0,table=orders_eu",
        Map.of("rows-written-total", 4.0, "bytes-sent-total", 2048.0));
    register("kafka.connect.maxcompute:type=sink-task-metrics,connector=legacy,task=1",
        Map.of("rows-written-total", 5.0, "buffered-rows", 2.0));
    register("kafka.connect:type=sink-task-metrics,connector=orders,task=0",
        Map.of("sink-record-read-total", 9.0, "partition-count", 1.0));
    register("kafka.connect:type=task-error-metrics,connector=orders,task=0", Map.of("total-record-errors", 1.0));
    register("kafka.connect:type=connect-worker-metrics", Map.of("connector-count", 2.0));
    register("kafka.connect:type=connect-worker-metrics,connector=orders", Map.of("connector-running-task-count", 1.0));
    // Left out: another plugin's metrics (more keys than a task), a client's, a String-only bean.
    register("kafka.connect:type=plugins,connector=orders,task=0,converter=key", Map.of("conversions-total", 1.0));
    register("kafka.producer:type=producer-metrics,client-id=p", Map.of("record-send-total", 1.0));
    System.out.println("registered;");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  @Test
  void theConnectorsAndConnectsMetricsGetReadableNamesAndTheRestIsLeftOut(@TempDir Path dir) throws Exception {
    PrometheusAgent agent = PrometheusAgent.inModule(Path.of("").toAbsolutePath());
    int port = JavaProcess.freePort();
    List<String> jvm = new ArrayList<>(agent.jvmOptions(port));
    jvm.add("-Xmx64m");
    MetricsEndpoint endpoint = new MetricsEndpoint(URI.create("http://localhost:" + port + "/metrics"));
    try (JavaProcess child = JavaProcess.start("MBeans under the agent", jvm, System.getProperty("java.class.path"),
        ExporterRulesTest.class.getName(), List.of(), dir.resolve("child.log"))) {
      AtomicReference<String> scrape = new AtomicReference<>("");
      child.awaitReady(() -> child.logContains("registered;") && scrape(endpoint, scrape), READY, "a scrape");
      List<Sample> samples = PrometheusText.parse(scrape.get());
      // The agent's own health (the filter keeps it) has values of its own.
      List<Sample> fromRules = samples.stream().filter(s -> !s.name().startsWith("jmx_scrape_")).toList();

      assertThat(fromRules).containsExactlyInAnyOrder(
          sample("maxcompute_sink_rows_written_total", 7, "connector", "orders", "task", "0"),
          sample("maxcompute_sink_rows_written_rate", 0.5, "connector", "orders", "task", "0"),
          sample("maxcompute_sink_commit_lag", 3, "connector", "orders", "task", "0"),
          sample("maxcompute_sink_table_rows_written_total", 4, "connector", "orders", "task", "0", "table", "orders_eu"),
          sample("maxcompute_sink_table_bytes_sent_total", 2048, "connector", "orders", "task", "0", "table", "orders_eu"),
          sample("maxcompute_sink_rows_written_total", 5, "connector", "legacy", "task", "1"),
          sample("maxcompute_sink_buffered_rows", 2, "connector", "legacy", "task", "1"),
          sample("kafka_connect_sink_task_metrics_sink_record_read_total", 9, "connector", "orders", "task", "0"),
          sample("kafka_connect_sink_task_metrics_partition_count", 1, "connector", "orders", "task", "0"),
          sample("kafka_connect_task_error_metrics_total_record_errors", 1, "connector", "orders", "task", "0"),
          sample("kafka_connect_connect_worker_metrics_connector_count", 2),
          sample("kafka_connect_connect_worker_metrics_connector_running_task_count", 1, "connector", "orders"));
      assertThat(samples).contains(sample("jmx_scrape_error", 0));
      assertThat(scrape.get()).contains("# TYPE maxcompute_sink_rows_written_total counter\n")
          .contains("# TYPE maxcompute_sink_commit_lag gauge\n");
    }
  }

  private static boolean scrape(MetricsEndpoint endpoint, AtomicReference<String> into) {
    try {
      into.set(endpoint.scrapeText());
      return true;
    } catch (IOException e) {
      return false; // the agent's server is not up yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Sample sample(String name, double value, String... labels) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return new Sample(name, map, value);
  }

  private static void register(String name, Map<String, Object> attributes) throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(new FixedAttributes(attributes), new ObjectName(name));
  }

  /** An MBean of fixed read-only attributes, typed as Kafka's JmxReporter types them (double). */
  private static final class FixedAttributes implements DynamicMBean {
    private final Map<String, Object> values;

    FixedAttributes(Map<String, Object> values) {
      this.values = values;
    }

    @Override
    public Object getAttribute(String attribute) {
      return values.get(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
      AttributeList list = new AttributeList();
      for (String attribute : attributes) {
        list.add(new Attribute(attribute, values.get(attribute)));
      }
      return list;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      MBeanAttributeInfo[] infos = values.entrySet().stream().map(e -> new MBeanAttributeInfo(e.getKey(),
          e.getValue() instanceof Double ? "double" : String.class.getName(), e.getKey(), true, false, false))
          .toArray(MBeanAttributeInfo[]::new);
      return new MBeanInfo(getClass().getName(), "test metrics", infos, null, null, null);
    }

    @Override
    public void setAttribute(Attribute attribute) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) {
      throw new UnsupportedOperationException();
    }
  }
}
