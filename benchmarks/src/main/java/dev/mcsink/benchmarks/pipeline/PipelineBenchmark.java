package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.benchmarks.ProcessCpuClock;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.stack.KafkaBroker;
import dev.mcsink.stack.StackJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * bin/bench: the pipeline end to end on this machine. A Kafka broker and Connect workers run as
 * their own processes, the local MaxCompute in this one. Per data set (format × partition count):
 * load the topic, drain it with a plain consumer (the ceiling), with a sink that discards every
 * record (the floor: what Connect itself costs), then let each connector drain it into a fresh table,
 * each in a fresh worker, until every row is committed.
 */
@Command(name = "bench", sortOptions = false, usageHelpWidth = 110, mixinStandardHelpOptions = true,
    description = {
        "End-to-end benchmark: a real Kafka broker and Connect worker (distributed mode, one task) and the local",
        "MaxCompute. Each connector's records/s are reported beside the ceiling measured in the same run: a plain",
        "consumer draining the same topic with the same deserializer. The clock of each runs from creating the",
        "consumer or the connector to the last record read or the last row committed in the table. The floor, a",
        "sink that discards every record in a worker like the connector's, shows what Connect itself costs."})
public final class PipelineBenchmark implements Callable<Integer> {
  @Option(names = "--records", paramLabel = "N", defaultValue = "1000000", order = 1,
      description = "Messages in each data set (default: ${DEFAULT-VALUE}).")
  private long records;

  @Option(names = "--partitions", paramLabel = "P", split = ",", defaultValue = "1", order = 2,
      description = "Topic partitions; a list runs one data set each (default: ${DEFAULT-VALUE}).")
  private List<Integer> partitions;

  @Option(names = "--value-bytes", paramLabel = "B", defaultValue = "200", order = 3,
      description = "Size of each message value (default: ${DEFAULT-VALUE}); keys are the message number.")
  private int valueBytes;

  @Option(names = "--warmup-records", paramLabel = "N", order = 3,
      description = "Messages drained first, unmeasured, by the ceiling consumer and by each worker, so JIT "
          + "compilation is not in the figures (default: a fifth of --records; 0 for none).")
  private Long warmupRecords;

  @Option(names = "--format", paramLabel = "F", split = ",", defaultValue = "TEXT", order = 4,
      description = "TEXT, CSV, JSON, FLATTEN or BINARY; a list runs one data set each (default: ${DEFAULT-VALUE}).")
  private List<BenchFormat> formats;

  @Option(names = "--streaming", order = 5, description = "Measure the streaming Tunnel path (use_streaming=true) instead of batch.")
  private boolean streaming;

  @Option(names = "--both-paths", order = 6, description = "Measure the batch and the streaming path, one after the other.")
  private boolean bothPaths;

  @Option(names = "--plugin-path", paramLabel = "DIR", order = 7,
      description = "Also measure another MaxCompute sink plugin: the directory to put on its worker's plugin.path.")
  private Path otherPluginPath;

  @Option(names = "--connector-class", paramLabel = "NAME", order = 8,
      defaultValue = Candidate.THIS_CONNECTOR_CLASS,
      description = "connector.class of the plugin given with --plugin-path (default: ${DEFAULT-VALUE}).")
  private String otherConnectorClass;

  @Option(names = "--label", paramLabel = "NAME", defaultValue = "other", order = 9,
      description = "How the report names the plugin given with --plugin-path (default: ${DEFAULT-VALUE}).")
  private String otherLabel;

  @Option(names = "--only-plugin", order = 10, description = "With --plugin-path: measure only that plugin, not this project's.")
  private boolean onlyOther;

  @Option(names = "--set", paramLabel = "KEY=VALUE", order = 11,
      description = "A connector setting applied over the harness's own (repeatable), for every connector measured.")
  private Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--extra-column", paramLabel = "NAME:TYPE", order = 11, converter = ExtraColumn.Converter.class,
      description = "A column added to every table the benchmark creates, after its own (repeatable), e.g. "
          + "insert_time:BIGINT for a plugin that fills one; TYPE is a MaxCompute type.")
  private List<ExtraColumn> extraColumns = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", order = 12, description = "Also write the figures as JSON.")
  private Path json;

  @Option(names = "--chart", paramLabel = "FILE", order = 13, description = "Also draw rows/s over time as a PNG.")
  private Path chart;

  @Option(names = "--cost-chart", paramLabel = "FILE", order = 13,
      description = "Also draw each run's worker CPU per million records as bars (the floor beside each connector), a PNG.")
  private Path costChart;

  @Option(names = "--worker-heap", paramLabel = "SIZE", defaultValue = "1g", order = 14,
      description = "-Xms and -Xmx of each Connect worker (default: ${DEFAULT-VALUE}).")
  private String workerHeap;

  @Option(names = "--worker-jvm-option", paramLabel = "OPTION", order = 15,
      description = "An extra JVM option of each Connect worker (repeatable), e.g. to record a flight recording: "
          + "-XX:StartFlightRecording=filename=worker.jfr,settings=profile")
  private List<String> workerJvmOptions = new ArrayList<>();

  @Option(names = "--offset-flush-ms", paramLabel = "MS", defaultValue = "10000", order = 16,
      description = "The worker's offset.flush.interval.ms (default: ${DEFAULT-VALUE}, as in the MaxCompute "
          + "document's worker configuration).")
  private long offsetFlushMs;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", order = 17,
      description = "Give up on a connector (or the ceiling) after this long (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(names = "--work-dir", paramLabel = "DIR", order = 18,
      description = "Logs and data (default: a temporary directory, deleted at the end unless --keep).")
  private Path workDir;

  @Option(names = "--keep", order = 19, description = "Keep the work directory (logs of the broker and workers).")
  private boolean keep;

  @Option(names = "--this-plugin-path", paramLabel = "DIR", hidden = true, required = true,
      description = "This project's plugin directory (bin/bench passes it).")
  private Path thisPluginPath;

  @Option(names = "--stack-classpath-file", paramLabel = "FILE", hidden = true, required = true,
      description = "Class path of Kafka's broker and Connect runtime (bin/bench passes it).")
  private Path stackClassPathFile;

  @Option(names = "--log4j-config", paramLabel = "FILE", hidden = true, required = true,
      description = "log4j2 configuration of the broker and workers (bin/bench passes it).")
  private Path log4jConfig;

  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (onlyOther && otherPluginPath == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--only-plugin needs --plugin-path");
    }
    checkOnce("--format", formats);
    checkOnce("--partitions", partitions);
    checkExtraColumns();
    StackJars jars = new StackJars(Files.readString(stackClassPathFile).trim(), log4jConfig);
    boolean temporary = workDir == null;
    Path dir = temporary ? Files.createTempDirectory("bench-") : Files.createDirectories(workDir);
    List<DataSetResult> results = new ArrayList<>();
    try (LocalMaxCompute maxCompute = LocalMaxCompute.builder().port(0).dataDir(dir.resolve("maxcompute")).start();
        KafkaBroker broker = KafkaBroker.start(jars, dir.resolve("kafka"))) {
      log("Kafka broker on %s, local MaxCompute on %s, work directory %s", broker.bootstrapServers(),
          maxCompute.endpoint(), dir);
      Workers workers = new Workers(jars, broker.bootstrapServers(),
          new Workers.Settings(workerHeap, workerJvmOptions, offsetFlushMs, Duration.ofSeconds(timeoutSeconds)));
      ConnectorRun connectorRun = new ConnectorRun(maxCompute, workers, extraColumns);
      Path floorPluginPath = dir.resolve("floor-plugin");
      FloorPlugin.write(floorPluginPath);
      FloorRun floorRun = new FloorRun(workers, floorPluginPath);
      int runNumber = 0;
      for (BenchFormat format : formats) {
        for (int partitionCount : partitions) {
          String topic = String.format(Locale.ROOT, "bench_%s_p%d", format.name().toLowerCase(Locale.ROOT), partitionCount);
          log("Loading %,d %s messages of %d value bytes into %s (%d partitions)", records, format, valueBytes, topic,
              partitionCount);
          DataSet data = DataSet.load(broker.bootstrapServers(), topic, format, partitionCount, records, valueBytes);
          long warmupCount = warmupCount();
          DataSet warmup = warmupCount <= 0 ? null
              : DataSet.load(broker.bootstrapServers(), topic + "_warmup", format, partitionCount, warmupCount, valueBytes);
          if (warmup != null) {
            CeilingConsumer.drain(broker.bootstrapServers(), warmup, topic + "-ceiling-warmup", Duration.ofSeconds(timeoutSeconds));
          }
          long cpuBefore = ProcessCpuClock.nanos();
          long ceilingNanos = CeilingConsumer.drain(broker.bootstrapServers(), data, topic + "-ceiling",
              Duration.ofSeconds(timeoutSeconds));
          long ceilingCpu = ProcessCpuClock.nanos() - cpuBefore;
          log("Ceiling: %,.0f records/s", records / (ceilingNanos / 1e9));
          log("%s draining %s", FloorResult.LABEL, topic);
          FloorResult floor = floorRun.measure(data, warmup, "floor_" + topic, dir.resolve("workers"));
          log("Floor: %,.0f records/s, %.2f worker CPU s per million records", records / floor.span().seconds(),
              floor.span().cpuNanos() / 1e9 / (records / 1e6));
          List<ConnectorResult> connectors = new ArrayList<>();
          for (Candidate candidate : candidates()) {
            for (boolean streamingPath : paths()) {
              String runName = String.format(Locale.ROOT, "run%02d_%s_%s", ++runNumber,
                  candidate.label().replaceAll("[^A-Za-z0-9]", ""), streamingPath ? "stream" : "batch");
              log("%s (%s path) draining %s into table %s", candidate.label(), streamingPath ? "stream" : "batch",
                  topic, runName);
              ConnectorResult result = connectorRun.measure(candidate, data, warmup, streamingPath, runName,
                  dir.resolve("workers"));
              log("%s: %,.0f records/s (%.0f%% of the ceiling)", candidate.label(), records / result.seconds(),
                  100 * (records / result.seconds()) / (records / (ceilingNanos / 1e9)));
              connectors.add(result);
            }
          }
          results.add(new DataSetResult(data, ceilingNanos, ceilingCpu, floor, connectors));
        }
      }
    } finally {
      if (temporary && !keep) {
        deleteTree(dir);
      }
    }
    System.out.println();
    PipelineReport.printTable(results, System.out);
    if (json != null) {
      PipelineReport.writeJson(json, environment(), results);
      log("JSON written to %s", json);
    }
    if (chart != null) {
      ThroughputChart.write(chart, results);
      log("Chart written to %s", chart);
    }
    if (costChart != null) {
      CostChart.write(PipelineReport.json(environment(), results), costChart);
      log("Cost chart written to %s", costChart);
    }
    return 0;
  }

  /**
   * A data set of a list is loaded into a topic named by format and partitions, which a second one of
   * the same would find taken: a usage error before anything starts.
   */
  private void checkOnce(String option, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (values.subList(0, i).contains(values.get(i))) {
        throw new CommandLine.ParameterException(spec.commandLine(), option + " " + values.get(i) + " is given twice");
      }
    }
  }

  /** Every extra column must be new to every table of the run: a clear usage error before anything starts. */
  private void checkExtraColumns() {
    for (int i = 0; i < extraColumns.size(); i++) {
      ExtraColumn extra = extraColumns.get(i);
      for (ExtraColumn earlier : extraColumns.subList(0, i)) {
        if (earlier.isNamed(extra.name())) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--extra-column " + extra.name()
              + " is given twice");
        }
      }
      for (BenchFormat format : formats) {
        for (String column : format.columnNames()) {
          if (extra.isNamed(column)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--extra-column " + extra.name()
                + ": the " + format + " tables already have a column " + column);
          }
        }
      }
    }
  }

  private List<Candidate> candidates() {
    List<Candidate> candidates = new ArrayList<>();
    if (!onlyOther) {
      candidates.add(new Candidate("this", thisPluginPath, Candidate.THIS_CONNECTOR_CLASS, overrides));
    }
    if (otherPluginPath != null) {
      candidates.add(new Candidate(otherLabel, otherPluginPath, otherConnectorClass, overrides));
    }
    return candidates;
  }

  private long warmupCount() {
    return warmupRecords == null ? records / 5 : warmupRecords;
  }

  private List<Boolean> paths() {
    return bothPaths ? List.of(false, true) : List.of(streaming);
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("date", Instant.now().toString());
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("java", System.getProperty("java.version"));
    env.put("records", records);
    env.put("valueBytes", valueBytes);
    env.put("warmupRecords", warmupCount());
    env.put("workerHeap", workerHeap);
    env.put("offsetFlushMs", offsetFlushMs);
    env.put("overrides", overrides);
    env.put("extraColumns", extraColumns.stream().map(ExtraColumn::definition).toList());
    return env;
  }

  private static void log(String format, Object... args) {
    System.err.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(Locale.ROOT, format, args));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
