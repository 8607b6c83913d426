package dev.mcsink.mcsql;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mc-sql}: runs MaxCompute SQL through the official SDK against any endpoint, by default
 * the local service started by {@code bin/local-maxcompute}.
 *
 * <p>Exit codes: 0 all statements succeeded, 1 a statement failed (the service's message is on
 * stderr; later statements are not run) or the script could not be read, 2 bad usage.
 */
@Command(name = "mc-sql",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
        "Runs MaxCompute SQL statements through the official Java SDK and prints their results.",
        "Statements are separated by ';'. 'set key=value;' is not sent as a statement: it becomes a "
            + "hint of every later statement (e.g. set odps.sql.allow.fullscan=true;).",
        "Query results print as a table, DESC/SHOW output as text, other statements print OK."},
    footer = {
        "",
        "Environment (a flag wins over its variable, a variable over the default):",
        "  MC_ENDPOINT, MC_PROJECT, MC_ACCESS_ID, MC_ACCESS_KEY (the last two together or not at all)",
        "",
        "Exit status: 0 success, 1 a statement failed (message on stderr), 2 usage error.",
        "",
        "Examples:",
        "  mc-sql -e 'set odps.sql.allow.fullscan=true; select * from table_text;'",
        "  mc-sql -f setup.sql",
        "  echo 'desc table_text;' | mc-sql --endpoint http://127.0.0.1:9090/api"})
public final class McSql implements Callable<Integer> {

  @Mixin
  private ConnectionOptions connection;

  @ArgGroup(exclusive = true, order = 6)
  private ScriptSource source;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 109, description = "Show this help and exit.")
  private boolean help;

  static final class ScriptSource {
    @Option(names = "-e", paramLabel = "SQL", order = 6, description = "The statements to run.")
    String sql;

    @Option(names = "-f", paramLabel = "FILE", order = 7,
        description = "A file of statements to run. With neither -e nor -f, statements are read from stdin.")
    Path file;
  }

  private final Map<String, String> env;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final SecretRedactor redactor;
  private final Function<ConnectionSettings, SqlExecutor> connector;

  McSql(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err,
      SecretRedactor redactor, Function<ConnectionSettings, SqlExecutor> connector) {
    this.env = env;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.redactor = redactor;
    this.connector = connector;
  }

  public static void main(String[] args) {
    // The SDK logs through SLF4J and this tool ships no binding: keep SLF4J's own
    // "no providers" notice off the terminal.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  /** The whole command with its inputs and outputs passed in; returns the exit status. */
  public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out,
      PrintStream err) {
    return run(args, env, stdin, out, err, OdpsSqlExecutor::new);
  }

  static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out,
      PrintStream err, Function<ConnectionSettings, SqlExecutor> connector) {
    SecretRedactor redactor = SecretRedactor.forInvocation(args, env);
    CommandLine commandLine = commandLine(new McSql(env, stdin, out, err, redactor, connector));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((e, badArgs) -> {
      err.println("mc-sql: " + redactor.apply(e.getMessage()));
      err.println("Try 'mc-sql --help' for usage.");
      return 2;
    });
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      err.println("mc-sql: " + redactor.apply(String.valueOf(e.getMessage())));
      return 1;
    });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  static CommandLine commandLine(McSql command) {
    return new CommandLine(command);
  }

  @Override
  public Integer call() {
    ConnectionSettings settings;
    try {
      settings = connectionSettings();
    } catch (IllegalArgumentException e) {
      err.println("mc-sql: " + redactor.apply(e.getMessage()));
      return 2;
    }
    redactor.add(settings.accessKey());

    List<SqlJob> jobs;
    try {
      jobs = HintCollector.collect(StatementSplitter.split(readScript()));
    } catch (IOException e) {
      String what = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
      err.println("mc-sql: cannot read the script: " + what);
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("FAILED: " + redactor.apply(e.getMessage()));
      return 1;
    }

    try (SqlExecutor executor = connector.apply(settings)) {
      for (SqlJob job : jobs) {
        TaskOutput output;
        try {
          output = executor.run(job);
        } catch (SqlExecutor.SqlFailure e) {
          err.println("FAILED: " + redactor.apply(e.getMessage()));
          return 1;
        }
        out.print(ResultPrinter.render(job, output));
        out.flush();
      }
    }
    return 0;
  }

  /** Flags, then environment, then defaults; valid after picocli has parsed the arguments. */
  ConnectionSettings connectionSettings() {
    return connection.resolve(env);
  }

  private String readScript() throws IOException {
    if (source != null && source.sql != null) {
      return source.sql;
    }
    if (source != null && source.file != null) {
      return Files.readString(source.file, StandardCharsets.UTF_8);
    }
    return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
  }
}
