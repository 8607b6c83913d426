package dev.mcsink.reliability.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcsink.mcsql.ConnectionOptions;
import dev.mcsink.mcsql.SecretRedactor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify-delivery}: did every record of a topic reach the MaxCompute table (or an error
 * topic)? Runs a {@link DeliveryCheck} and prints its report; with {@code --mode
 * last-value-per-key}, a {@link LastValueCheck} (does the table hold the last value per key?).
 *
 * <p>Exit codes: 0 nothing missing, 1 records missing (or a key differs), 2 bad usage or a topic,
 * table or service that cannot be read (one line on stderr).
 */
@Command(name = "verify-delivery",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
        "Compares a Kafka topic with the topic/partition/offset columns of the MaxCompute table a sink "
            + "wrote it to, and reports per Kafka partition the records expected, landed, duplicated, "
            + "routed to an error topic, missing, and the rows whose offset the topic does not have.",
        "Expected records are those in the topic when the check starts; rows of records produced "
            + "later are left out. The table is read through the Tunnel, only rows whose topic column "
            + "is --topic.",
        "With --mode last-value-per-key (an upsert sink: write.mode UPSERT), compares instead the table's "
            + "--key-column and --value-column with the last record per Kafka key (a null value deletes "
            + "the key) and reports keys expected, matching, wrong, missing and unexpected."},
    footer = {
        "",
        "Environment (a flag wins over its variable, a variable over the default):",
        "  MC_ENDPOINT, MC_PROJECT, MC_ACCESS_ID, MC_ACCESS_KEY (the last two together or not at all)",
        "",
        "Exit status: 0 nothing missing, 1 records missing (last-value-per-key: any key differs), 2 usage "
            + "error or a topic, table or service that cannot be read.",
        "",
        "Examples:",
        "  verify-delivery --topic orders --table orders_sink",
        "  verify-delivery --topic orders --table orders_sink --error-topic orders-errors \\",
        "      --partition-spec \"pt='2024-05-01'\" --json report.json",
        "  verify-delivery --mode last-value-per-key --key-column id --value-column v \\",
        "      --topic customers --table customers_delta"})
public final class VerifyDelivery implements Callable<Integer> {
  static final int MISSING = 1;
  static final int UNUSABLE = 2;

  @Option(names = "--topic", paramLabel = "T", required = true, order = 1,
      description = "The Kafka topic the sink consumed.")
  private String topic;

  @Option(names = "--table", paramLabel = "T", required = true, order = 2,
      description = "The MaxCompute table it wrote to (needs columns topic, partition, offset; with "
          + "last-value-per-key, the key and value columns).")
  private String table;

  @Option(names = "--partition-spec", paramLabel = "SPEC", order = 3,
      description = "A table partition to read, e.g. pt='2024-05-01' or pt='a',region='b'; a partial spec "
          + "selects every partition that has its values. Repeat for more. Default: every partition.")
  private List<String> partitionSpecs = new ArrayList<>();

  @Option(names = "--error-topic", paramLabel = "NAME", order = 4,
      description = "An error topic (runtime.error.topic.name) or dead-letter queue "
          + "(errors.deadletterqueue.topic.name, with context headers): records naming an origin in "
          + "--topic count as delivered there. Repeat for more.")
  private List<String> errorTopics = new ArrayList<>();

  @Option(names = "--mode", paramLabel = "MODE", order = 8, defaultValue = "delivery",
      description = "delivery (default): every record landed or went to an error topic; last-value-per-key: "
          + "the table holds the last value produced per Kafka key, deleted keys absent.")
  private String mode;

  @Option(names = "--key-column", paramLabel = "COLUMN", order = 9,
      description = "With last-value-per-key: the table column holding the key (a JSON-object Kafka key "
          + "stands for its field of this name).")
  private String keyColumn;

  @Option(names = "--value-column", paramLabel = "COLUMN", order = 10,
      description = "With last-value-per-key: the table column compared (a JSON-object value stands for "
          + "its field of this name).")
  private String valueColumn;

  @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", order = 5,
      defaultValue = DeliverySettings.DEFAULT_BOOTSTRAP_SERVERS,
      description = "Kafka brokers. Default: ${DEFAULT-VALUE}.")
  private String bootstrapServers;

  @Option(names = "--kafka-config", paramLabel = "FILE", order = 6,
      description = "A properties file of consumer settings (security.protocol, sasl.*, ssl.*).")
  private Path kafkaConfig;

  @Option(names = "--kafka-timeout", paramLabel = "SECONDS", order = 7, defaultValue = "30",
      description = "Longest a Kafka request may take, or reading may go without progress. Default: ${DEFAULT-VALUE}.")
  private int kafkaTimeoutSeconds;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = "--tunnel-endpoint", paramLabel = "URL", order = 106,
      description = "Tunnel endpoint. Default: the one the service names.")
  private String tunnelEndpoint;

  @Option(names = "--json", paramLabel = "FILE", order = 107,
      description = "Also write the report to FILE as JSON.")
  private Path json;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 109, description = "Show this help and exit.")
  private boolean help;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final SecretRedactor redactor;

  private VerifyDelivery(Map<String, String> env, PrintStream out, PrintStream err, SecretRedactor redactor) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.redactor = redactor;
  }

  public static void main(String[] args) {
    // The SDK and the Kafka client log through SLF4J and this tool ships no binding: keep SLF4J's
    // own "no providers" notice off the terminal.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** The whole command with its inputs and outputs passed in; returns the exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    SecretRedactor redactor = SecretRedactor.forInvocation(args, env);
    CommandLine commandLine = new CommandLine(new VerifyDelivery(env, out, err, redactor));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((e, badArgs) -> {
      err.println("verify-delivery: " + redactor.apply(e.getMessage()));
      err.println("Try 'verify-delivery --help' for usage.");
      return UNUSABLE;
    });
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      err.println("verify-delivery: " + redactor.apply(e.getMessage() == null ? e.toString() : e.getMessage()));
      return UNUSABLE;
    });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  @Override
  public Integer call() throws IOException {
    boolean lastValue = lastValueMode();
    DeliverySettings settings = settings();
    redactor.add(settings.maxCompute().accessKey());
    if (lastValue) {
      LastValueReport report = LastValueCheck.run(settings, keyColumn, valueColumn);
      out.print(LastValueText.render(report));
      writeJson(report);
      return report.matches() ? 0 : MISSING;
    }
    DeliveryReport report = DeliveryCheck.run(settings);
    out.print(ReportTable.render(report));
    writeJson(report);
    return report.complete() ? 0 : MISSING;
  }

  private void writeJson(Object report) throws IOException {
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    }
  }

  /** Which check --mode asks for, with the flags each needs (a usage error otherwise). */
  private boolean lastValueMode() {
    CommandLine commandLine = new CommandLine(this);
    switch (mode) {
      case "delivery":
        if (keyColumn != null || valueColumn != null) {
          throw new CommandLine.ParameterException(commandLine,
              "--key-column and --value-column go with --mode last-value-per-key");
        }
        return false;
      case "last-value-per-key":
        if (keyColumn == null || valueColumn == null) {
          throw new CommandLine.ParameterException(commandLine,
              "--mode last-value-per-key needs --key-column and --value-column");
        }
        if (!errorTopics.isEmpty()) {
          throw new CommandLine.ParameterException(commandLine,
              "--error-topic does not apply to --mode last-value-per-key");
        }
        return true;
      default:
        throw new CommandLine.ParameterException(commandLine,
            "--mode is delivery or last-value-per-key, not '" + mode + "'");
    }
  }

  private DeliverySettings settings() {
    if (kafkaTimeoutSeconds <= 0) {
      throw new IllegalArgumentException("--kafka-timeout must be positive, not " + kafkaTimeoutSeconds);
    }
    return new DeliverySettings(topic, table, partitionSpecs, errorTopics, connection.resolve(env), tunnelEndpoint,
        bootstrapServers, kafkaProperties(), Duration.ofSeconds(kafkaTimeoutSeconds));
  }

  private Map<String, String> kafkaProperties() {
    Map<String, String> properties = new TreeMap<>();
    if (kafkaConfig != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(kafkaConfig, StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --kafka-config " + kafkaConfig + ": " + e, e);
      }
      file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
    }
    return properties;
  }
}
