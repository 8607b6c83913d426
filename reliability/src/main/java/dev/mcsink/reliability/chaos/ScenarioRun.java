package dev.mcsink.reliability.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.mcsql.ConnectionSettings;
import dev.mcsink.reliability.delivery.AddedFieldCheck;
import dev.mcsink.reliability.delivery.DeliveryCheck;
import dev.mcsink.reliability.delivery.DeliveryCheckException;
import dev.mcsink.reliability.delivery.DeliveryReport;
import dev.mcsink.reliability.delivery.DeliverySettings;
import dev.mcsink.reliability.delivery.LastValueCheck;
import dev.mcsink.reliability.delivery.LastValueReport;
import dev.mcsink.reliability.delivery.PartitionDelivery;
import dev.mcsink.stack.ConnectWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario in one delivery configuration: a fresh topic, table and connector; the steady
 * load; the fault; then waits until every record the topic holds has landed or been routed (or, for
 * upserts, until the connector has committed the topic's end and the table holds the last value per
 * key), and reports.
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
  ScenarioResult runOrReport(Scenario scenario, Delivery delivery) {
    try {
      return run(scenario, delivery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (Exception e) {
      return new ScenarioResult(scenario.name(), delivery.path(), scenario.fault(), 0, 0, 0, 0, 0, 0, 0,
          null, "the run broke down: " + e, delivery.guarantee(), delivery.label(), null, null);
    }
  }

  ScenarioResult run(Scenario scenario, Delivery delivery) throws Exception {
    String name = "chaos_" + scenario.name().replace('-', '_') + "_" + delivery.tableSuffix();
    Workload workload = scenario.workload();
    List<String> topics = workload.topics(name);
    for (String topic : topics) {
      stack.createTopic(topic, PARTITIONS);
    }
    // Both routes' topics, whatever the scenario's: poison-stop switches to the error topic midway.
    stack.createTopic(ErrorRoute.errorTopic(name), 1);
    stack.createTopic(ErrorRoute.deadLetterTopic(name), 1);
    if (!workload.createsTables()) {
      stack.sql(workload.createTable(name, delivery.primaryKey(workload)));
    }
    ConnectWorker worker = stack.worker();
    worker.createConnector(name, connectorConfig(workload, scenario.route(), name, delivery));
    long produced;
    String stop = null;
    String problem = null;
    try (SteadyLoad load = new SteadyLoad(stack.bootstrapServers(), topics, PARTITIONS, perSecond,
        workload.messages(length))) {
      awaitRunning(worker, name);
      scenario.act(stack, length, new Scenario.Target(name, delivery));
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
      worker.createConnector(name, connectorConfig(workload, route, name, delivery));
      worker.restartFailedTasks(name);
      awaitRunning(worker, name);
    }
    if (workload.primaryKey() != null) {
      return lastValueResult(scenario, delivery, name, produced);
    }
    if (topics.size() > 1) {
      return perTableResult(scenario, delivery, name, topics, produced);
    }
    long drainStart = System.nanoTime();
    Drained drained = awaitDelivered(worker, name, checkSettings(name, route));
    DeliveryReport report = drained.report();
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    if (delivery.exactlyOnce() && report.complete() && drained.taskFailure() == null) {
      // A replay could still repeat a row after everything landed: count once all has been committed.
      problem = problem != null ? problem : awaitCommittedToEnd(name).problem();
      report = DeliveryCheck.run(checkSettings(name, route));
    }
    worker.deleteConnector(name);
    PartitionDelivery total = report.total();
    problem = problem != null ? problem : deliveryProblem(drained.taskFailure(), report, delivery);
    return new ScenarioResult(scenario.name(), delivery.path(), scenario.fault(), produced, total.expected(),
        total.landed(), total.routedToErrors(), total.missing(), total.duplicated(), drainSeconds, stop, problem,
        delivery.guarantee(), delivery.label(), null, null);
  }

  /** What a delivery check says is wrong: a failed task, a missing record, or a duplicate where none may be. */
  private static String deliveryProblem(String taskFailure, DeliveryReport report, Delivery delivery) {
    PartitionDelivery total = report.total();
    if (taskFailure != null) {
      return "a task failed (no stop was configured): " + taskFailure;
    } else if (total.missing() > 0) {
      return total.missing() + " records of " + report.topic() + " missing after " + DRAIN_TIMEOUT + "; first: "
          + report.partitions().stream().filter(p -> p.missing() > 0)
              .map(p -> "partition " + p.partition() + " " + p.firstMissing()).findFirst().orElse("");
    } else if (delivery.exactlyOnce() && total.duplicated() > 0) {
      return total.duplicated() + " rows duplicated (" + delivery.label() + " must write each record once)";
    }
    return null;
  }

  /**
   * Checks each topic against its own table (the connector routes them): nothing missing, duplicates
   * counted, and the records that gained a field hold it in the column auto.evolve added.
   */
  private ScenarioResult perTableResult(Scenario scenario, Delivery delivery, String name, List<String> topics,
      long produced) throws Exception {
    long drainStart = System.nanoTime();
    List<ScenarioResult.TableFigures> tables = new ArrayList<>();
    String problem = null;
    for (String topic : topics) {
      // The table is named after its topic (table=${topic}): the check reads one against the other.
      Drained drained = awaitDelivered(stack.worker(), name, checkSettings(topic, ErrorRoute.NONE));
      PartitionDelivery total = drained.report().total();
      String tableProblem = deliveryProblem(drained.taskFailure(), drained.report(), delivery);
      AddedFieldCheck.Report added = new AddedFieldCheck.Report(0, 0, 0);
      try {
        added = AddedFieldCheck.run(checkSettings(topic, ErrorRoute.NONE), EvolvingRecords.ADDED_FIELD);
      } catch (DeliveryCheckException e) { // the table lacks the column, for one
        tableProblem = tableProblem != null ? tableProblem : topic + ": " + e.getMessage();
      }
      tables.add(new ScenarioResult.TableFigures(topic, total.expected(), total.landed(), total.missing(),
          total.duplicated(), added.recordsWithField(), added.recordsHoldingIt(), added.recordsWrong()));
      if (tableProblem == null && !added.holds()) {
        tableProblem = topic + ": the rows do not hold the added field '" + EvolvingRecords.ADDED_FIELD + "': "
            + tables.get(tables.size() - 1);
      }
      problem = problem != null ? problem : tableProblem;
    }
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    stack.worker().deleteConnector(name);
    ScenarioResult.TableFigures sum = tables.stream().reduce(ScenarioResult.TableFigures::plus).orElseThrow();
    return new ScenarioResult(scenario.name(), delivery.path(), scenario.fault(), produced, sum.expected(),
        sum.landed(), 0, sum.missing(), sum.duplicates(), drainSeconds, null, problem, delivery.guarantee(),
        delivery.label(), null, tables);
  }

  /** Compares the table with the last value produced per key, once the connector has written everything. */
  private ScenarioResult lastValueResult(Scenario scenario, Delivery delivery, String name, long produced)
      throws Exception {
    long drainStart = System.nanoTime();
    EndCommitted drain = awaitCommittedToEnd(name);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    LastValueReport report = LastValueCheck.run(checkSettings(name, ErrorRoute.NONE), KeyedUpserts.KEY_COLUMN,
        KeyedUpserts.VALUE_COLUMN);
    stack.worker().deleteConnector(name);
    ScenarioResult.LastValueFigures figures = ScenarioResult.LastValueFigures.of(report);
    String problem = drain.problem();
    if (problem == null && !report.matches()) {
      problem = "the table differs from the last value per key: " + figures;
    }
    return new ScenarioResult(scenario.name(), delivery.path(), scenario.fault(), produced, report.keysExpected(),
        report.matching(), 0, report.wrong() + report.missing(), report.unexpected(), drainSeconds, null, problem,
        delivery.guarantee(), delivery.label(), figures, null);
  }

  /** How waiting for the connector to commit the topic's end offsets ended: null when it did. */
  private record EndCommitted(String problem) {
  }

  /**
   * Waits until the connector has committed the end offsets of the topic: it has consumed and
   * written all there is, and nothing more will be written (no replay can add a row after it).
   */
  private EndCommitted awaitCommittedToEnd(String name) throws Exception {
    ConnectWorker worker = stack.worker();
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (true) {
      String failure = worker.failure(name);
      if (failure != null) {
        return new EndCommitted("a task failed: " + failure.lines().findFirst().orElse(failure));
      }
      if (stack.committedToEnd(name, name)) {
        return new EndCommitted(null);
      }
      if (System.nanoTime() > deadline) {
        return new EndCommitted("the end offsets of the topic were not committed within " + DRAIN_TIMEOUT);
      }
      Thread.sleep(CHECK_EVERY.toMillis()); // offsets are committed every few seconds
    }
  }

  private Map<String, String> connectorConfig(Workload workload, ErrorRoute route, String name, Delivery delivery) {
    return SinkConnectorConfig.pointingAt(stack.maxCompute())
        .tasksMax(2)
        .topics(String.join(",", workload.topics(name)))
        .table(name)
        .partitionWindow("DAY")
        .setAll(delivery.connectorSettings())
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


  /** What the checks compare: the topic and table of this name, on this stack. */
  private DeliverySettings checkSettings(String name, ErrorRoute route) {
    LocalMaxCompute maxCompute = stack.maxCompute();
    ConnectionSettings service = new ConnectionSettings(maxCompute.endpoint(), LocalMaxCompute.DEFAULT_PROJECT,
        maxCompute.accessId(), maxCompute.accessKey(), null);
    return DeliverySettings.of(name, name, service, stack.bootstrapServers()).withErrorTopics(route.routedTopics(name));
  }

  /** The last delivery check, and the first line of a failed task's trace if one failed. */
  private record Drained(DeliveryReport report, String taskFailure) {
  }

  /** Checks delivery every few seconds until nothing is missing, a task fails, or the drain timeout. */
  private static Drained awaitDelivered(ConnectWorker worker, String name, DeliverySettings settings)
      throws InterruptedException {
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
