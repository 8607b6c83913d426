package dev.mcsink.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One KRaft node (broker and controller) in its own JVM, on free ports chosen at the first start,
 * data under a directory; it can be stopped or killed and started again on the same ports and data.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final JavaProcess process;
  private final String bootstrapServers;

  private KafkaBroker(JavaProcess process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  public static KafkaBroker start(StackJars jars, Path dir) throws IOException, InterruptedException {
    return start(jars, dir, Map.of());
  }

  /** @param settings broker properties beyond (or overriding) the single-node defaults */
  public static KafkaBroker start(StackJars jars, Path dir, Map<String, String> settings)
      throws IOException, InterruptedException {
    int port = JavaProcess.freePort();
    int controllerPort = JavaProcess.freePort();
    Path config = dir.resolve("server.properties");
    Files.createDirectories(dir);
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        PropertyLines.of(settings)));
    List<String> jvm = jars.jvmOptions("512m");
    String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
    JavaProcess.runToEnd("kafka storage format", jvm, jars.stackClassPath(), "kafka.tools.StorageTool",
        List.of("format", "--standalone", "--cluster-id=" + clusterId, "--config", config.toString()),
        dir.resolve("format.log"), START_TIMEOUT);
    JavaProcess broker = JavaProcess.start("Kafka broker", jvm, jars.stackClassPath(), "kafka.Kafka",
        List.of(config.toString()), dir.resolve("broker.log"));
    KafkaBroker started = new KafkaBroker(broker, "localhost:" + port);
    try {
      started.awaitStarted();
    } catch (RuntimeException | InterruptedException e) {
      broker.close();
      throw e;
    }
    return started;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A clean shutdown (SIGTERM) and a start on the same ports and data; returns once it serves again. */
  public void restart() throws IOException, InterruptedException {
    process.close();
    process.restart();
    awaitStarted();
  }

  private void awaitStarted() throws InterruptedException {
    process.awaitReady(() -> process.logContains("Kafka Server started"), START_TIMEOUT, "'Kafka Server started'");
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  private static byte[] uuidBytes() {
    UUID uuid = UUID.randomUUID();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
    b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return b.array();
  }
}
