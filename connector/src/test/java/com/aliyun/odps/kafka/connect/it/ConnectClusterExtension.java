package com.aliyun.odps.kafka.connect.it;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker and Kafka Connect cluster per test class (starting one costs about 5 s on
 * two cores). Workers use the product document's worker settings: StringConverter for keys and
 * values. Offsets are committed every second so that rows land soon after they are produced.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ConnectClusterExtension CONNECT = new ConnectClusterExtension(1);
 * </pre>
 */
public final class ConnectClusterExtension implements BeforeAllCallback, AfterAllCallback {
  /** What the connector's class is called in connector JSON: the test names no connector class. */
  public static final String CONNECTOR_CLASS = "com.aliyun.odps.kafka.connect.MaxComputeSinkConnector";

  private final int workers;
  private final Map<String, String> extraWorkerProps;
  private EmbeddedConnectCluster connect;

  public ConnectClusterExtension(int workers) {
    this(workers, Map.of());
  }

  /** With worker settings added to (or replacing) the document's. */
  public ConnectClusterExtension(int workers, Map<String, String> extraWorkerProps) {
    this.workers = workers;
    this.extraWorkerProps = Map.copyOf(extraWorkerProps);
  }

  public EmbeddedConnectCluster connect() {
    if (connect == null) {
      throw new IllegalStateException("Connect is not started: register the extension as static");
    }
    return connect;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    // Mutable: the cluster adds its own entries inside start().
    Map<String, String> workerProps = new HashMap<>();
    workerProps.put("plugin.discovery", "service_load");
    workerProps.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    workerProps.put("offset.flush.interval.ms", "1000");
    workerProps.putAll(extraWorkerProps);
    Properties brokerProps = new Properties();
    brokerProps.put("auto.create.topics.enable", "false");
    connect = new EmbeddedConnectCluster.Builder()
        .name(context.getRequiredTestClass().getSimpleName())
        .numWorkers(workers)
        .numBrokers(1)
        .workerProps(workerProps)
        .brokerProps(brokerProps)
        .build();
    connect.start();
    connect.assertions().assertExactlyNumWorkersAreUp(workers, "Connect workers did not start");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (connect != null) {
      connect.stop();
      connect = null;
    }
  }
}
