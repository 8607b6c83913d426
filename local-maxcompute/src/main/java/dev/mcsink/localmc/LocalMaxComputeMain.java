package dev.mcsink.localmc;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code local-maxcompute}: runs the local MaxCompute service in the foreground until SIGTERM or
 * Ctrl-C. Prints one "ready" line on stdout once it accepts requests (scripts wait for it) and
 * closes the service from a shutdown hook so that DuckDB is checkpointed and the port released.
 *
 * <p>Exit status: 1 when the service cannot start (port in use, unwritable data directory, ...),
 * 2 for bad arguments; a signal-initiated stop ends the JVM through the signal's own status.
 */
@Command(name = "local-maxcompute",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
        "Runs a local, wire-compatible MaxCompute service (REST + Tunnel + STS) for development and tests.",
        "The official SDK connects to it like to the real service: Odps + AliyunAccount + setEndpoint.",
        "Stops on SIGTERM or Ctrl-C."},
    footer = {
        "",
        "When it accepts requests it prints one line on stdout:",
        "  Local MaxCompute ready: endpoint http://127.0.0.1:8080/api | tunnel ... | sts ... | projects ...",
        "  | access id ..., key ... | data ...",
        "",
        "Exit status: 1 when the service cannot start (e.g. port in use), 2 for bad arguments."})
public final class LocalMaxComputeMain implements Callable<Integer> {
  static final String READY_PREFIX = "Local MaxCompute ready: ";
  static final String DEFAULT_DATA_DIR = ".local/maxcompute";

  /** Set once the JVM runs its shutdown hooks: {@code System.exit} would then block forever. */
  private static volatile boolean shuttingDown;

  @Option(names = "--port", order = 1, paramLabel = "PORT", defaultValue = "" + LocalMaxCompute.DEFAULT_PORT,
      converter = PortConverter.class,
      description = "Port for REST, Tunnel and STS; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  private int port;

  @Option(names = "--host", order = 2, paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (0.0.0.0 for all interfaces). Default: ${DEFAULT-VALUE}.")
  private String host;

  @Option(names = "--data-dir", order = 3, paramLabel = "DIR", defaultValue = DEFAULT_DATA_DIR,
      description = "Where tables and rows are kept across restarts, created if missing. "
          + "Default: ${DEFAULT-VALUE} under the current directory.")
  private Path dataDir;

  @Option(names = "--project", order = 4, paramLabel = "NAME",
      description = "Project to create at start (kept if it exists); repeat for several. "
          + "Default: " + LocalMaxCompute.DEFAULT_PROJECT + ".")
  private List<String> projects = new ArrayList<>();

  @ArgGroup(exclusive = false, order = 5)
  private AccessKeyPair accessKeyPair;

  @Option(names = "--sts-token-lifetime", order = 7, paramLabel = "DURATION", defaultValue = "1h",
      converter = DurationConverter.class,
      description = "Lifetime of STS tokens (a longer DurationSeconds is cut to it): 30s, 15m, 1h, 500ms, "
          + "plain seconds or ISO-8601 (PT30S). Default: ${DEFAULT-VALUE}.")
  private Duration stsTokenLifetime;

  @Option(names = "--no-limits", order = 8,
      description = "Do not enforce the real service's per-table limits (sessions, blocks, commits).")
  private boolean noLimits;

  @Option(names = "--time-zone", order = 9, paramLabel = "ZONE", defaultValue = "UTC", converter = ZoneConverter.class,
      description = "Zone in which DATETIME values print in SQL results. Default: ${DEFAULT-VALUE}.")
  private String timeZone;

  @Option(names = {"-h", "--help"}, order = 10, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  static final class AccessKeyPair {
    @Option(names = "--access-id", order = 5, paramLabel = "ID", required = true,
        description = "AccessKey id to accept (needs --access-key). Default: "
            + LocalMaxCompute.DEFAULT_ACCESS_ID + ".")
    String id;

    @Option(names = "--access-key", order = 6, paramLabel = "KEY", required = true,
        description = "AccessKey secret of --access-id. Default: " + LocalMaxCompute.DEFAULT_ACCESS_KEY + ".")
    String key;
  }

  private final PrintStream out;
  private final PrintStream err;
  private final Function<LocalMaxCompute.Builder, LocalMaxCompute> starter;

  LocalMaxComputeMain(PrintStream out, PrintStream err, Function<LocalMaxCompute.Builder, LocalMaxCompute> starter) {
    this.out = out;
    this.err = err;
    this.starter = starter;
  }

  public static void main(String[] args) {
    // Without an SLF4J binding on the class path SLF4J prints a three-line notice on stderr;
    // keep the console to the ready line and our own messages.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    int status = commandLine(new LocalMaxComputeMain(System.out, System.err, LocalMaxCompute.Builder::start))
        .execute(args);
    if (!shuttingDown) {
      System.exit(status);
    }
  }

  static CommandLine commandLine(LocalMaxComputeMain main) {
    CommandLine commandLine = new CommandLine(main);
    commandLine.setOut(new PrintWriter(main.out, true));
    commandLine.setErr(new PrintWriter(main.err, true));
    // A one-line reason beats a screenful of usage when a script mistypes a flag.
    commandLine.setParameterExceptionHandler((e, args) -> {
      main.err.println("local-maxcompute: " + e.getMessage());
      main.err.println("Try 'local-maxcompute --help' for usage.");
      return 2;
    });
    return commandLine;
  }

  /** Starts, announces, then serves until the JVM is asked to stop. */
  @Override
  public Integer call() throws InterruptedException {
    LocalMaxCompute service = startAndAnnounce();
    if (service == null) {
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shuttingDown = true;
      try {
        service.close();
        err.println("Local MaxCompute stopped.");
      } finally {
        stopped.countDown();
      }
    }, "local-maxcompute-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Starts the service and prints the ready line; on failure prints why on stderr and returns null.
   * The caller owns (and must close) the returned service.
   */
  LocalMaxCompute startAndAnnounce() {
    ServiceSettings settings = settings();
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException | SecurityException e) {
      err.println("local-maxcompute: cannot create the data directory " + settings.dataDir() + ": " + e);
      return null;
    }
    LocalMaxCompute service;
    try {
      service = starter.apply(builder(settings));
    } catch (RuntimeException e) {
      err.println("local-maxcompute: " + describeStartFailure(e, settings.host(), settings.port()));
      return null;
    }
    out.println(readyLine(service.endpoint(), service.tunnelEndpoint(), "https://" + service.stsEndpoint(),
        settings.projects(), settings.accounts(), settings.dataDir()));
    out.flush();
    return service;
  }

  /** The parsed options with every default applied; the data directory made absolute. */
  ServiceSettings settings() {
    List<String> projectNames = projects.isEmpty()
        ? List.of(LocalMaxCompute.DEFAULT_PROJECT) : List.copyOf(new LinkedHashSet<>(projects));
    Map<String, String> accounts = accessKeyPair == null
        ? Map.of(LocalMaxCompute.DEFAULT_ACCESS_ID, LocalMaxCompute.DEFAULT_ACCESS_KEY)
        : Map.of(accessKeyPair.id, accessKeyPair.key);
    return new ServiceSettings(host, port, dataDir.toAbsolutePath().normalize(), projectNames,
        accounts, stsTokenLifetime, !noLimits, timeZone);
  }

  static LocalMaxCompute.Builder builder(ServiceSettings settings) {
    LocalMaxCompute.Builder builder = LocalMaxCompute.builder()
        .host(settings.host())
        .port(settings.port())
        .dataDir(settings.dataDir())
        .stsTokenLifetime(settings.stsTokenLifetime())
        .enforceLimits(settings.enforceLimits())
        .timeZone(settings.timeZone());
    settings.projects().forEach(builder::project);
    settings.accounts().forEach(builder::account);
    return builder;
  }

  /**
   * The one line scripts wait for. The default key is printed because it is public (it is in
   * the docs and the source) and developers need it to connect; a key someone chose may be a
   * reused secret and must not end up in terminal scroll-back or CI logs.
   */
  static String readyLine(String endpoint, String tunnelEndpoint, String stsEndpoint, List<String> projects,
      Map<String, String> accounts, Path dataDir) {
    StringBuilder line = new StringBuilder(READY_PREFIX)
        .append("endpoint ").append(endpoint)
        .append(" | tunnel ").append(tunnelEndpoint)
        .append(" | sts ").append(stsEndpoint)
        .append(" | projects ").append(String.join(",", projects));
    accounts.forEach((id, key) -> {
      boolean isDefault = LocalMaxCompute.DEFAULT_ACCESS_ID.equals(id)
          && LocalMaxCompute.DEFAULT_ACCESS_KEY.equals(key);
      line.append(" | access id ").append(id)
          .append(", key ").append(isDefault ? key : "(as configured)");
    });
    return line.append(" | data ").append(dataDir).toString();
  }

  /** A start failure in words a developer can act on; a taken port is by far the most common. */
  static String describeStartFailure(Throwable failure, String host, int port) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return "cannot listen on " + host + ":" + port + ": " + t.getMessage()
            + " (is another local MaxCompute running? choose another port with --port)";
      }
    }
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(t.getMessage() != null ? t.getMessage() : t.getClass().getName());
    }
    return "failed to start: " + String.join(": ", messages);
  }

  /** 0–65535; picocli reports anything else as a usage error. */
  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port;
      try {
        port = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a port number");
      }
      if (port < 0 || port > 65535) {
        throw new TypeConversionException("port must be between 0 and 65535, got " + port);
      }
      return port;
    }
  }

  /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code 500ms}, bare seconds, or ISO-8601. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      Duration duration;
      Matcher m = SHORT.matcher(text);
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        duration = switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofSeconds(amount);
        };
      } else {
        try {
          duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          throw new TypeConversionException("'" + value + "' is not a duration (try 30s, 15m, 1h or PT30S)");
        }
      }
      if (duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException("the duration must be positive, got '" + value + "'");
      }
      return duration;
    }
  }

  /** Checks the zone id now rather than on the first DATETIME query; keeps the id as given. */
  static final class ZoneConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return ZoneId.of(value.strip()).getId();
      } catch (DateTimeException e) {
        throw new TypeConversionException("'" + value + "' is not a time zone (e.g. UTC, Asia/Shanghai, +08:00)");
      }
    }
  }
}
