package dev.mcsink.reliability.chaos;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sql.SqlOutcome;
import dev.mcsink.stack.ConnectWorker;
import dev.mcsink.stack.KafkaBroker;
import dev.mcsink.stack.NewTopics;
import dev.mcsink.stack.StackJars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The local stack the faults are done to: a Kafka broker and Connect workers in their own
 * processes (one Connect cluster), and the local MaxCompute inside this JVM on a fixed port and
 * data directory, so that it can be stopped and started again with its tables.
 */
final class ChaosStack implements AutoCloseable {
  /** Records up to 16 MB pass the broker, the workers' producers (DLQ) and the error topic's producer. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  private static final String CLUSTER = "chaos";
  private static final String WORKER_HEAP = "768m";
  /** Offsets are committed often, so a kill loses little progress and the suite runs quickly. */
  private static final String OFFSET_FLUSH_MS = "5000";

  private final StackJars jars;
  private final Path pluginPath;
  private final Path dir;
  private final KafkaBroker broker;
  private final Admin admin;
  private final List<ConnectWorker> workers = new ArrayList<>();
  private final List<String> workerJvmOptions;
  private final int maxComputePort;
  private LocalMaxCompute maxCompute;

  private ChaosStack(StackJars jars, Path pluginPath, Path dir, KafkaBroker broker, LocalMaxCompute maxCompute,
      List<String> workerJvmOptions) {
    this.jars = jars;
    this.workerJvmOptions = List.copyOf(workerJvmOptions);
    this.pluginPath = pluginPath;
    this.dir = dir;
    this.broker = broker;
    this.maxCompute = maxCompute;
    this.maxComputePort = maxCompute.port();
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    this.admin = Admin.create(admin);
  }

  static ChaosStack start(StackJars jars, Path pluginPath, Path dir) throws Exception {
    return start(jars, pluginPath, dir, List.of());
  }

  /**
   * @param workerJvmOptions for every worker, e.g. a Java agent; one on a fixed port suits a stack
   *     of one worker only
   */
  static ChaosStack start(StackJars jars, Path pluginPath, Path dir, List<String> workerJvmOptions) throws Exception {
    KafkaBroker broker = KafkaBroker.start(jars, dir.resolve("kafka"),
        Map.of("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES)));
    LocalMaxCompute maxCompute = null;
    try {
      maxCompute = startMaxCompute(0, dir.resolve("maxcompute"));
      ChaosStack stack = new ChaosStack(jars, pluginPath, dir, broker, maxCompute, workerJvmOptions);
      stack.addWorker();
      return stack;
    } catch (Exception | Error e) {
      if (maxCompute != null) {
        maxCompute.close();
      }
      broker.close();
      throw e;
    }
  }

  private static LocalMaxCompute startMaxCompute(int port, Path dataDir) {
    return LocalMaxCompute.builder().port(port).dataDir(dataDir).start();
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  KafkaBroker broker() {
    return broker;
  }

  LocalMaxCompute maxCompute() {
    return maxCompute;
  }

  /** Stops the local MaxCompute: connections are refused until {@link #startMaxCompute()}. */
  void stopMaxCompute() {
    maxCompute.close();
  }

  /** Starts the local MaxCompute again, same port, same data. */
  void startMaxCompute() {
    maxCompute = startMaxCompute(maxComputePort, dir.resolve("maxcompute"));
  }

  /** The worker every connector is created through: the first, which the suite never removes. */
  ConnectWorker worker() {
    return workers.get(0);
  }

  /** One more worker in the same Connect cluster; returns once it has joined. */
  ConnectWorker addWorker() throws IOException, InterruptedException {
    int n = workers.size() + 1;
    ConnectWorker worker = ConnectWorker.start(jars, dir.resolve("worker-" + n), CLUSTER, broker.bootstrapServers(),
        pluginPath, WORKER_HEAP, workerJvmOptions, Map.of(
            "offset.flush.interval.ms", OFFSET_FLUSH_MS,
            // The plugin ships ServiceLoader manifests, as Kafka's own jars do: no reflective class
            // path scan (13 s of a worker's start on a busy machine), as bin/quickstart's worker.
            "plugin.discovery", "service_load",
            "producer.max.request.size", Integer.toString(MAX_MESSAGE_BYTES),
            // A killed worker's tasks move after this long; Connect's default waits 5 minutes.
            "scheduled.rebalance.max.delay.ms", "10000",
            // ...and its sink consumers leave their groups after this long (consumer default 45 s).
            "consumer.session.timeout.ms", "10000",
            "consumer.heartbeat.interval.ms", "3000"));
    workers.add(worker);
    return worker;
  }

  /** Stops a worker that {@link #addWorker()} added (SIGTERM: it leaves the group cleanly). */
  void removeWorker(ConnectWorker worker) throws InterruptedException {
    if (worker == worker()) {
      throw new IllegalArgumentException("the first worker stays");
    }
    worker.stop();
    workers.remove(worker);
  }

  void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
    NewTopics.create(admin, topic, partitions);
  }

  /**
   * Whether a sink connector has committed, in its consumer group, the end offset of every
   * partition of the topic: it has consumed and written all there is.
   */
  boolean committedToEnd(String connector, String topic) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (TopicPartitionInfo p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
      partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
    }
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : admin.listOffsets(partitions).all().get().entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      if (end.getValue().offset() > 0 && (offset == null || offset.offset() < end.getValue().offset())) {
        return false;
      }
    }
    return true;
  }

  /** A statement on the local MaxCompute's default project, e.g. CREATE TABLE. */
  void sql(String statement) {
    SqlOutcome outcome = maxCompute.executeSql(LocalMaxCompute.DEFAULT_PROJECT, "default",
        statement);
    if (!outcome.success()) {
      throw new IllegalStateException("SQL failed: " + statement + ": " + outcome.errorMessage());
    }
  }

  @Override
  public void close() throws Exception {
    admin.close();
    for (ConnectWorker worker : workers) {
      worker.close();
    }
    maxCompute.close();
    broker.close();
  }
}
