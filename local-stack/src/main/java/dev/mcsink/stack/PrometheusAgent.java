package dev.mcsink.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Prometheus JMX exporter as the local stack's Connect worker runs it: the Java agent the
 * local-stack build copies to a fixed path, and the rules file kept in the repository. bin/quickstart
 * uses the same paths and options (a shell script cannot call this class cheaply).
 *
 * @param jar the agent, local-stack/target/jmx-exporter/jmx_prometheus_javaagent.jar
 * @param rules local-stack/src/main/config/connect-jmx-exporter.yml
 */
public record PrometheusAgent(Path jar, Path rules) {
  /** bin/quickstart's metrics port unless --metrics-port says otherwise. */
  public static final int DEFAULT_PORT = 9404;
  /**
   * The agent always adds the JVM's metrics (jvm_*, process_*); this filter of its HTTP server
   * keeps what the rules make and the scrape's own health (jmx_scrape_error), so a scrape stays small.
   */
  static final String METRIC_NAME_FILTER =
      "-Dio.prometheus.exporter.filter.metricNameMustStartWith=maxcompute_sink_,kafka_connect_,jmx_scrape_";

  /** The agent and rules of the local-stack module at this directory (after its package phase). */
  public static PrometheusAgent inModule(Path localStackDir) {
    PrometheusAgent agent = new PrometheusAgent(
        localStackDir.resolve("target/jmx-exporter/jmx_prometheus_javaagent.jar"),
        localStackDir.resolve("src/main/config/connect-jmx-exporter.yml"));
    if (!Files.isRegularFile(agent.jar) || !Files.isRegularFile(agent.rules)) {
      throw new IllegalStateException("No Prometheus agent at " + agent.jar + " or no rules at " + agent.rules
          + "; build the module: mvn -pl local-stack -am package -DskipTests");
    }
    return agent;
  }

  /** The JVM options that load the agent, serving http://localhost:{port}/metrics. */
  public List<String> jvmOptions(int port) {
    return List.of(METRIC_NAME_FILTER,
        "-javaagent:" + jar.toAbsolutePath() + "=localhost:" + port + ":" + rules.toAbsolutePath());
  }
}
