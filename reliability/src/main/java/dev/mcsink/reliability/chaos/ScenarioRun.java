package dev.mcsink.reliability.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.mcsql.ConnectionSettings;
import dev.mcsink.reliability.delivery.DeliveryCheck;
import dev.mcsink.reliability.delivery.DeliveryReport;
import dev.mcsink.reliability.delivery.DeliverySettings;
import dev.mcsink.reliability.delivery.PartitionDelivery;
import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one scenario on one write path: a fresh topic, table and connector; the steady load; the
 * fault; then waits until every record the topic holds has landed or been routed, and reports.
 */
final class ScenarioRun {
  private static final int PARTITIONS = 4;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);

  private final ChaosStack stack;
  private final int perSecond;
  private final Duration length;

  ScenarioRun(ChaosStack stack, int perSecond, Duration length) {
    this.stack = stack;
    this.perSecond = perSecond;
    this.length = length;
  }

  /** Runs the scenario; a run that breaks down (not a missing record: the suite itself) is a failed result. */
  ScenarioResult runOrReport(Scenario scenario, boolean streaming) {
    try {
      return run(scenario, streaming);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (Exception e) {
      return new ScenarioResult(scenario.name(), pathName(streaming), scenario.fault(), 0, 0, 0, 0, 0, 0, 0,
          null, "the run broke down: " + e);
    }
  }

  /** How the report names a write path. */
  static String pathName(boolean streaming) {
    return streaming ? "stream" : "batch";
  }

  ScenarioResult run(Scenario scenario, boolean streaming) throws Exception {
    String path = pathName(streaming);
    String name = "chaos_" + scenario.name().replace('-', '_') + "_" + path;
    stack.createTopic(name, PARTITIONS);
    // Both routes' topics, whatever the scenario's: poison-stop switches to the error topic midway.
    stack.createTopic(ErrorRoute.errorTopic(name), 1);
    stack.createTopic(ErrorRoute.deadLetterTopic(name), 1);
    stack.sql(scenario.workload().createTable(name));
    ConnectWorker worker = stack.worker();
    worker.createConnector(name, connectorConfig(scenario.workload(), scenario.route(), name, streaming));
    long produced;
    String stop = null;
    String problem = null;
    try (SteadyLoad load = new SteadyLoad(stack.bootstrapServers(), name, PARTITIONS, perSecond,
        scenario.workload().messages())) {
      awaitRunning(worker, name);
      scenario.act(stack, length);
      load.close();
      produced = load.acknowledged();
    }
    ErrorRoute route = scenario.route();
    if (scenario.expectsStop()) {
      stop = awaitTaskFailure(worker, name);
      if (stop == null) {
        problem = "no task failed within " + START_TIMEOUT + " although no error route was configured";
      } else if (!stop.contains(name) || !stop.contains("offset")) {
        problem = "the task failed without naming the record (topic, partition, offset): " + stop;
      }
      // The records after the bad one were held back, not lost: given a route, the task resumes there.
      route = ErrorRoute.ERROR_TOPIC;
      worker.createConnector(name, connectorConfig(scenario.workload(), route, name, streaming));
      worker.restartFailedTasks(name);
      awaitRunning(worker, name);
    }
    long drainStart = System.nanoTime();
    Drained drained = awaitDelivered(worker, name, route);
    DeliveryReport report = drained.report();
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    worker.deleteConnector(name);
    PartitionDelivery total = report.total();
    if (problem == null && drained.taskFailure() != null) {
      problem = "a task failed (no stop was configured): " + drained.taskFailure();
    } else if (problem == null && total.missing() > 0) {
      problem = total.missing() + " records missing after " + DRAIN_TIMEOUT + "; first: "
          + report.partitions().stream().filter(p -> p.missing() > 0)
              .map(p -> "partition " + p.partition() + " " + p.firstMissing()).findFirst().orElse("");
    }
    return new ScenarioResult(scenario.name(), path, scenario.fault(), produced, total.expected(), total.landed(),
        total.routedToErrors(), total.missing(), total.duplicated(), drainSeconds, stop, problem);
  }

  private Map<String, String> connectorConfig(Workload workload, ErrorRoute route, String name, boolean streaming) {
    return SinkConnectorConfig.pointingAt(stack.maxCompute())
        .tasksMax(2)
        .topics(name)
        .table(name)
        .partitionWindow("DAY")
        .streaming(streaming)
        .setAll(workload.connectorSettings())
        .setAll(route.connectorSettings(name, stack.bootstrapServers()))
        .build();
  }

  /**
   * Waits until the connector's tasks run, so the fault hits a pipeline that is moving; a task that
   * has already failed ends the wait too (the caller looks at failures).
   */
  private static void awaitRunning(ConnectWorker worker, String connector) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      JsonNode status = worker.status(connector);
      if (status != null && status.path("tasks").size() > 0) {
        boolean allStarted = true;
        for (JsonNode task : status.path("tasks")) {
          String state = task.path("state").asText();
          allStarted &= "RUNNING".equals(state) || "FAILED".equals(state);
        }
        if (allStarted) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Connector " + connector + " not running after " + START_TIMEOUT + ": " + status);
      }
      Thread.sleep(200); // polling the status
    }
  }

  /**
   * The line of the failed task's trace that names the topic (Connect's own first line only says the
   * task is exiting; the cause below it names the record), or null if no task failed in time.
   */
  private static String awaitTaskFailure(ConnectWorker worker, String connector) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String trace = worker.failure(connector);
      if (trace != null) {
        return trace.lines().filter(line -> line.contains(connector)).findFirst()
            .orElse(trace.lines().findFirst().orElse(trace)).trim();
      }
      Thread.sleep(500); // polling the status
    }
    return null;
  }


  /** The last delivery check, and the first line of a failed task's trace if one failed. */
  private record Drained(DeliveryReport report, String taskFailure) {
  }

  /** Checks delivery every few seconds until nothing is missing, a task fails, or the drain timeout. */
  private Drained awaitDelivered(ConnectWorker worker, String name, ErrorRoute route) throws InterruptedException {
    LocalMaxCompute maxCompute = stack.maxCompute();
    ConnectionSettings service = new ConnectionSettings(maxCompute.endpoint(), LocalMaxCompute.DEFAULT_PROJECT,
        maxCompute.accessId(), maxCompute.accessKey(), null);
    DeliverySettings settings = DeliverySettings.of(name, name, service, stack.bootstrapServers())
        .withErrorTopics(route.routedTopics(name));
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (true) {
      DeliveryReport report = DeliveryCheck.run(settings);
      String failure = worker.failure(name);
      if (report.complete() || failure != null || System.nanoTime() > deadline) {
        return new Drained(report, failure == null ? null : failure.lines().findFirst().orElse(failure));
      }
      Thread.sleep(CHECK_EVERY.toMillis()); // rows are still arriving
    }
  }
}
