package dev.mcsink.localmc.sink;

import dev.mcsink.localmc.LocalMaxCompute;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The connector JSON of a MaxCompute sink connector writing into a local MaxCompute, for tests,
 * benchmarks and fault runs alike:
 *
 * <pre>
 * SinkConnectorConfig.pointingAt(mc).topics("t").table("t").format("TEXT").streaming(true).build()
 * </pre>
 *
 * <p>Keys are strings, not the connector's constants: they are Alibaba's connector keys, a public
 * contract, and this module cannot see the connector. A later setting of a key replaces an earlier one.
 */
public final class SinkConnectorConfig {
  /** This project's connector, as connector JSON names it. */
  public static final String CONNECTOR_CLASS = "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector";

  private final LocalMaxCompute maxCompute;
  private final Map<String, String> config = new LinkedHashMap<>();

  private SinkConnectorConfig(LocalMaxCompute maxCompute) {
    this.maxCompute = maxCompute;
  }

  /**
   * The keys every configuration has: the connector class, the service's endpoint, first project
   * and AccessKey pair; tasks.max and partition_window_type as the product document's examples
   * have them (3, MINUTE). topics and table have no default.
   */
  public static SinkConnectorConfig pointingAt(LocalMaxCompute maxCompute) {
    return new SinkConnectorConfig(maxCompute)
        .connectorClass(CONNECTOR_CLASS)
        .tasksMax(3)
        .set("endpoint", maxCompute.endpoint())
        .set("project", maxCompute.projects().get(0))
        .set("account_type", "ALIYUN")
        .set("access_id", maxCompute.accessId())
        .set("access_key", maxCompute.accessKey())
        .partitionWindow("MINUTE");
  }

  /**
   * The product document's "Write {@code format} data" example (step 4), key for key: topic
   * {@code topic_<format>} into table {@code table_<format>} (lower case), mode VALUE, and the
   * document's schema and tuning values; only the endpoint and AccessKey pair are the local ones.
   */
  public static SinkConnectorConfig documentExample(LocalMaxCompute maxCompute, String format) {
    String name = format.toLowerCase(Locale.ROOT);
    return pointingAt(maxCompute)
        .topics("topic_" + name)
        .set("schema", "default")
        .table("table_" + name)
        .mode("VALUE")
        .format(format)
        .set("sink_pool_size", "150")
        .set("record_batch_size", "9000")
        .set("buffer_size_kb", "600000");
  }

  public SinkConnectorConfig connectorClass(String connectorClass) {
    return set("connector.class", connectorClass);
  }

  public SinkConnectorConfig tasksMax(int tasks) {
    return set("tasks.max", Integer.toString(tasks));
  }

  /** One topic, or several separated by commas. */
  public SinkConnectorConfig topics(String topics) {
    return set("topics", topics);
  }

  public SinkConnectorConfig table(String table) {
    return set("table", table);
  }

  /** TEXT, CSV, JSON, FLATTEN or BINARY. */
  public SinkConnectorConfig format(String format) {
    return set("format", format);
  }

  /** KEY, VALUE or DEFAULT (both). */
  public SinkConnectorConfig mode(String mode) {
    return set("mode", mode);
  }

  /** MINUTE, HOUR or DAY. */
  public SinkConnectorConfig partitionWindow(String window) {
    return set("partition_window_type", window);
  }

  /** use_streaming, written out even when false (the connector's default), as the benchmark and fault runs report it. */
  public SinkConnectorConfig streaming(boolean streaming) {
    return set("use_streaming", Boolean.toString(streaming));
  }

  /** The endpoint over https: the service answers TLS on the same port, with a self-signed certificate. */
  public SinkConnectorConfig httpsEndpoint() {
    return set("endpoint", https(maxCompute.endpoint()));
  }

  /** tunnel_endpoint set, over https, instead of found by the SDK through the endpoint. */
  public SinkConnectorConfig httpsTunnelEndpoint() {
    return set("tunnel_endpoint", https(maxCompute.tunnelEndpoint()));
  }

  /** The trust store that makes the service's certificate trusted (such as {@link LocalMaxCompute#trustStore()}). */
  public SinkConnectorConfig trustStore(String location, String password) {
    return set("ssl_truststore_location", location).set("ssl_truststore_password", password);
  }

  /**
   * account_type STS: the AccessKey pair assumes {@code acs:ram::<accountId>:role/<roleName>} at the
   * service's STS endpoint, which answers https only (see {@link #trustStore}).
   */
  public SinkConnectorConfig stsRole(String accountId, String roleName) {
    return set("account_type", "STS")
        .set("account_id", accountId)
        .set("role_name", roleName)
        .set("sts.endpoint", maxCompute.stsEndpoint());
  }

  public SinkConnectorConfig set(String key, String value) {
    config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
    return this;
  }

  public SinkConnectorConfig setAll(Map<String, String> settings) {
    settings.forEach(this::set);
    return this;
  }

  /** A new map each time (callers may change it); topics and table must have been given. */
  public Map<String, String> build() {
    for (String required : new String[] {"topics", "table"}) {
      if (!config.containsKey(required)) {
        throw new IllegalStateException(required + " is not set");
      }
    }
    return new LinkedHashMap<>(config);
  }

  private static String https(String url) {
    return url.replaceFirst("^http:", "https:");
  }
}
