package dev.mcsink.reliability.chaos;

import dev.mcsink.stack.StackJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/chaos}: the fault suite. Starts the local stack once, then runs each scenario on each
 * write path with a steady load, and reports what landed, what was routed, what is missing.
 */
@Command(name = "bin/chaos", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Fault suite on the local stack: a Kafka broker and Connect workers as processes, the local"
        + " MaxCompute in this JVM. Each scenario runs a steady producer through a fresh connector, does its"
        + " fault, then checks that every record landed in the table or went to the error route"
        + " (bin/verify-delivery's check); upsert-kill checks the last value per key instead. Exit status 1"
        + " when a record is missing, duplicated in an exactly-once configuration, or a scenario fails.")
public final class Chaos implements Callable<Integer> {
  enum WritePath { batch, stream, both }

  private static final String AT_LEAST_ONCE = "at-least-once";
  private static final String EXACTLY_ONCE = "exactly-once";

  @Option(names = "--scenario", split = ",", paramLabel = "NAME",
      description = "Scenarios to run, comma separated, or 'all' (default): ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  List<String> scenarios = List.of("all");

  @Option(names = "--path", description = "Write path: batch, stream or both (default: ${DEFAULT-VALUE}).")
  WritePath path = WritePath.both;

  @Option(names = "--delivery", paramLabel = "GUARANTEE",
      description = "at-least-once (default: the write paths --path names; duplicates are reported),"
          + " exactly-once (the batch path with exactly_once=true, and UPSERT into a Delta table keyed by"
          + " topic, partition, offset; a duplicate fails the scenario) or all.")
  String delivery = AT_LEAST_ONCE;

  @Option(names = "--short", description = "The short form (CI): 20 s per scenario, one or two fault cycles.")
  boolean shortForm;

  @Option(names = "--length", paramLabel = "SECONDS",
      description = "How long the load and the fault run per scenario (default 20 with --short, else 90).")
  Integer lengthSeconds;

  @Option(names = "--rate", paramLabel = "RECORDS_PER_S",
      description = "Records produced per second (default: ${DEFAULT-VALUE}).")
  int rate = 300;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where logs and data go (default: a temporary directory).")
  Path workDir;

  @Option(names = "--this-plugin-path", paramLabel = "DIR", hidden = true, required = true)
  Path pluginPath;

  @Option(names = "--stack-classpath-file", paramLabel = "FILE", hidden = true, required = true)
  Path stackClassPathFile;

  @Option(names = "--log4j-config", paramLabel = "FILE", hidden = true, required = true)
  Path log4jConfig;

  static final class ScenarioNames extends ArrayList<String> {
    ScenarioNames() {
      super(catalogue(true).keySet());
    }
  }

  /** Every scenario by name, with the fault cycles of the short or the long form. */
  static Map<String, Scenario> catalogue(boolean shortForm) {
    Map<String, Scenario> all = new LinkedHashMap<>();
    for (Scenario s : List.of(new WorkerKill(shortForm ? 2 : 4), new WorkerJoinLeave(shortForm ? 1 : 2),
        new MaxComputeFaults(), new MaxComputeRestart(), new BrokerRestart(shortForm ? 1 : 2),
        new MaxComputeOutageKill(), new UpsertKill(shortForm ? 2 : 4),
        new RoutingEvolutionKill(shortForm ? 2 : 5),
        new PoisonRecords(ErrorRoute.ERROR_TOPIC), new PoisonRecords(ErrorRoute.DEAD_LETTER_QUEUE),
        new PoisonRecords(ErrorRoute.NONE), new PoisonRecords(ErrorRoute.ERROR_TOPIC, Workload.POISONED_CSV))) {
      all.put(s.name(), s);
    }
    return all;
  }

  @Override
  public Integer call() throws Exception {
    if (!List.of(AT_LEAST_ONCE, EXACTLY_ONCE, "all").contains(delivery)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--delivery is at-least-once, exactly-once or all, not '" + delivery + "'");
    }
    Map<String, Scenario> catalogue = catalogue(shortForm);
    List<Scenario> chosen = new ArrayList<>();
    for (String name : scenarios) {
      if (name.equals("all")) {
        chosen.addAll(catalogue.values());
      } else if (catalogue.containsKey(name)) {
        chosen.add(catalogue.get(name));
      } else {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "Unknown scenario '" + name + "'; known: " + String.join(", ", catalogue.keySet()));
      }
    }
    Duration length = Duration.ofSeconds(lengthSeconds != null ? lengthSeconds : shortForm ? 20 : 90);
    Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("chaos");
    StackJars jars = new StackJars(Files.readString(stackClassPathFile).trim(), log4jConfig);
    List<ScenarioResult> results = new ArrayList<>();
    log("starting the stack in " + dir);
    try (ChaosStack stack = ChaosStack.start(jars, pluginPath, dir)) {
      ScenarioRun runner = new ScenarioRun(stack, rate, length);
      for (Scenario scenario : chosen) {
        List<Delivery> configurations = configurations(scenario);
        if (configurations.isEmpty()) {
          log(scenario.name() + ": skipped, no exactly-once configuration for it (--delivery " + delivery + ")");
        }
        for (Delivery configuration : configurations) {
          log(scenario.name() + " (" + configuration.label() + "): " + scenario.fault());
          ScenarioResult result = runner.runOrReport(scenario, configuration);
          log(scenario.name() + " (" + result.configuration() + "): "
              + (result.lastValue() != null ? result.lastValue() : "expected " + result.expected() + ", landed "
                  + result.landed() + ", routed " + result.routed() + ", missing " + result.missing()
                  + ", duplicates " + result.duplicates())
              + (result.passed() ? "" : " FAILED: " + result.problem()));
          results.add(result);
        }
      }
    }
    ChaosReport.print(results, System.out);
    if (json != null) {
      ChaosReport.writeJson(results, json);
    }
    return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
  }

  /**
   * The configurations a scenario runs in: an upsert scenario in its own; the others on the paths
   * --path names (at-least-once) and in both exactly-once configurations (batch path only), as
   * --delivery says; bad-record scenarios are not about delivery and run at-least-once only (none
   * with --delivery exactly-once), as do scenarios whose connector creates its tables (exactly_once
   * refuses auto.create).
   */
  private List<Delivery> configurations(Scenario scenario) {
    if (scenario.workload().primaryKey() != null) {
      return List.of(Delivery.UPSERT_BY_KEY);
    }
    List<Delivery> configurations = new ArrayList<>();
    if (!delivery.equals(EXACTLY_ONCE)) {
      configurations.addAll(paths());
    }
    if (!delivery.equals(AT_LEAST_ONCE) && scenario.faultsDelivery() && !scenario.workload().createsTables()) {
      configurations.addAll(Delivery.EXACTLY_ONCE);
    }
    return configurations;
  }

  private List<Delivery> paths() {
    switch (path) {
      case batch:
        return List.of(Delivery.BATCH);
      case stream:
        return List.of(Delivery.STREAM);
      default:
        return List.of(Delivery.BATCH, Delivery.STREAM);
    }
  }

  private static void log(String message) {
    System.out.printf("[chaos %tT] %s%n", System.currentTimeMillis(), message);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Chaos()).execute(args));
  }
}
