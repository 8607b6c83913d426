package dev.mcsink.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker in distributed mode, in its own JVM (heap fixed, JMX on a local port for
 * probes), with one plugin directory on its plugin.path; and the few REST calls the benchmark and
 * the fault suite make. Workers started with the same name form one Connect cluster. A worker can
 * be killed and started again on the same ports.
 */
public final class ConnectWorker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JavaProcess process;
  private final String restUrl;
  private final int jmxPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  private ConnectWorker(JavaProcess process, String restUrl, int jmxPort) {
    this.process = process;
    this.restUrl = restUrl;
    this.jmxPort = jmxPort;
  }

  /**
   * @param name names the worker's group and internal topics, so that runs don't share them
   * @param offsetFlushMs the worker's offset.flush.interval.ms: how often a sink is asked for its
   *     committable offsets (and, for this connector's batch path, the latest a buffer is written)
   */
  public static ConnectWorker start(StackJars jars, Path dir, String name, String bootstrapServers, Path pluginPath,
      String heap, List<String> extraJvmOptions, long offsetFlushMs) throws IOException, InterruptedException {
    return start(jars, dir, name, bootstrapServers, pluginPath, heap, extraJvmOptions,
        Map.of("offset.flush.interval.ms", Long.toString(offsetFlushMs)));
  }

  /** @param settings worker properties beyond (or overriding) the defaults, e.g. offset.flush.interval.ms */
  public static ConnectWorker start(StackJars jars, Path dir, String name, String bootstrapServers, Path pluginPath,
      String heap, List<String> extraJvmOptions, Map<String, String> settings) throws IOException, InterruptedException {
    int restPort = JavaProcess.freePort();
    int jmxPort = JavaProcess.freePort();
    Files.createDirectories(dir);
    Path config = dir.resolve("connect-distributed.properties");
    Files.writeString(config, String.join("\n",
        "bootstrap.servers=" + bootstrapServers,
        "group.id=" + name,
        "plugin.path=" + pluginPath.toAbsolutePath(),
        "key.converter=org.apache.kafka.connect.storage.StringConverter",
        "value.converter=org.apache.kafka.connect.storage.StringConverter",
        "offset.storage.topic=" + name + "-offsets",
        "offset.storage.replication.factor=1",
        "config.storage.topic=" + name + "-configs",
        "config.storage.replication.factor=1",
        "status.storage.topic=" + name + "-status",
        "status.storage.replication.factor=1",
        "listeners=http://localhost:" + restPort,
        PropertyLines.of(settings)));
    List<String> jvm = new ArrayList<>(jars.jvmOptions(heap));
    jvm.addAll(List.of(
        "-Dcom.sun.management.jmxremote.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false",
        "-Dcom.sun.management.jmxremote.local.only=true",
        "-Djava.rmi.server.hostname=127.0.0.1"));
    jvm.addAll(extraJvmOptions);
    JavaProcess worker = JavaProcess.start("Connect worker " + name, jvm, jars.stackClassPath(),
        "org.apache.kafka.connect.cli.ConnectDistributed", List.of(config.toString()), dir.resolve("connect.log"));
    ConnectWorker started = new ConnectWorker(worker, "http://localhost:" + restPort, jmxPort);
    try {
      started.awaitStarted();
    } catch (RuntimeException | InterruptedException e) {
      worker.close();
      throw e;
    }
    return started;
  }

  private void awaitStarted() throws InterruptedException {
    process.awaitReady(() -> process.logContains("Finished starting connectors and tasks")
        && get("/connector-plugins") != null, START_TIMEOUT, "REST API and group membership");
  }

  public long pid() {
    return process.pid();
  }

  public int jmxPort() {
    return jmxPort;
  }

  public Path log() {
    return process.log();
  }

  /** SIGKILL: the worker ends mid-write, without committing offsets or leaving its group. */
  public void kill() throws InterruptedException {
    process.kill();
  }

  /** A clean shutdown (SIGTERM): the worker leaves its group and its tasks stop. */
  public void stop() throws InterruptedException {
    process.close();
  }

  /** Starts the worker again, same ports and configuration; returns once it is in its group. */
  public void restart() throws IOException, InterruptedException {
    process.restart();
    awaitStarted();
  }

  /** PUT /connectors/{name}/config; retried while the worker answers 409 (rebalance in progress). */
  public void createConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name + "/config"))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200 || response.statusCode() == 201) {
        return;
      }
      if (response.statusCode() != 409 || System.nanoTime() > deadline) {
        throw new IllegalStateException("Creating connector " + name + " failed: HTTP " + response.statusCode()
            + " " + response.body());
      }
      Thread.sleep(200); // back-off before asking again, not synchronisation
    }
  }

  /** The first task failure's trace, if a task or the connector has failed. */
  public String failure(String connector) {
    JsonNode status = get("/connectors/" + connector + "/status");
    if (status == null) {
      return null;
    }
    if ("FAILED".equals(status.path("connector").path("state").asText())) {
      return status.path("connector").path("trace").asText("connector FAILED");
    }
    for (JsonNode task : status.path("tasks")) {
      if ("FAILED".equals(task.path("state").asText())) {
        return task.path("trace").asText("task FAILED");
      }
    }
    return null;
  }

  /** POST /connectors/{name}/restart for its failed tasks only. */
  public void restartFailedTasks(String name) throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true"))
        .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
  }

  public void deleteConnector(String name) throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name)).timeout(REQUEST_TIMEOUT)
        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
  }

  /** GET /connectors/{name}/status; null while the worker does not answer 200. */
  public JsonNode status(String connector) {
    return get("/connectors/" + connector + "/status");
  }

  /** GET as JSON; null while the worker does not answer 200. */
  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restUrl + path))
          .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
