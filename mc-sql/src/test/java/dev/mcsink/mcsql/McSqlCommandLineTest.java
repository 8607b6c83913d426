package dev.mcsink.mcsql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of mc-sql, with a recording executor in place of the SDK. */
class McSqlCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<SqlJob> ran = new ArrayList<>();
  private ConnectionSettings connectedWith;

  @Test
  void withoutFlagsOrEnvironmentItConnectsToTheLocalServiceDefaults() {
    ConnectionSettings settings = parse(Map.of());

    assertThat(settings).isEqualTo(new ConnectionSettings("http://127.0.0.1:8080/api", "project_name",
        "local-access-id", "local-access-key", null));
  }

  @Test
  void environmentVariablesOverrideTheDefaults() {
    ConnectionSettings settings = parse(Map.of("MC_ENDPOINT", "http://mc.example/api", "MC_PROJECT", "p_env",
        "MC_ACCESS_ID", "id_env", "MC_ACCESS_KEY", "key_env"));

    assertThat(settings).isEqualTo(new ConnectionSettings("http://mc.example/api", "p_env", "id_env", "key_env", null));
  }

  @Test
  void flagsOverrideEnvironmentVariables() {
    ConnectionSettings settings = parse(Map.of("MC_ENDPOINT", "http://mc.example/api", "MC_PROJECT", "p_env",
            "MC_ACCESS_ID", "id_env", "MC_ACCESS_KEY", "key_env"),
        "--endpoint", "http://127.0.0.1:9999/api", "--project", "p_flag",
        "--access-id", "id_flag", "--access-key", "key_flag", "--schema", "s1");

    assertThat(settings).isEqualTo(
        new ConnectionSettings("http://127.0.0.1:9999/api", "p_flag", "id_flag", "key_flag", "s1"));
  }

  @Test
  void accessIdFlagWithoutAccessKeyIsAUsageError() {
    int status = run(Map.of(), "--access-id", "someone", "-e", "select 1");

    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("--access-key");
    assertThat(connectedWith).isNull();
  }

  @Test
  void accessIdInTheEnvironmentWithoutTheKeyIsAUsageError() {
    int status = run(Map.of("MC_ACCESS_ID", "someone"), "-e", "select 1");

    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("MC_ACCESS_KEY");
    assertThat(connectedWith).isNull();
  }

  @Test
  void inlineScriptAndScriptFileTogetherAreAUsageError() {
    int status = run(Map.of(), "-e", "select 1", "-f", "x.sql");

    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("mutually exclusive");
  }

  @Test
  void runsEachStatementWithTheHintsSetBeforeItAndPrintsTheirResults() {
    int status = run(Map.of(), "-e",
        "create table t (a bigint); set odps.sql.allow.fullscan=true; select * from t;");

    assertThat(status).isEqualTo(0);
    assertThat(ran).containsExactly(
        new SqlJob("create table t (a bigint)", Map.of()),
        new SqlJob("select * from t", Map.of("odps.sql.allow.fullscan", "true")));
    assertThat(stdout()).isEqualTo("OK\n+------+\n| a    |\n+------+\n| NULL |\n+------+\n");
  }

  @Test
  void readsTheScriptFromAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("s.sql"), "create table t (a bigint);\n");

    assertThat(run(Map.of(), "-f", file.toString())).isEqualTo(0);
    assertThat(ran).extracting(SqlJob::sql).containsExactly("create table t (a bigint)");
  }

  @Test
  void aMissingScriptFileFailsWithItsName() {
    assertThat(run(Map.of(), "-f", "/no/such/script.sql")).isEqualTo(1);
    assertThat(stderr()).contains("/no/such/script.sql");
  }

  @Test
  void readsTheScriptFromStdinWhenNeitherInlineNorFileIsGiven() {
    int status = McSql.run(new String[0], Map.of(), stdin("select 1;"), print(out), print(err), this::connect);

    assertThat(status).isEqualTo(0);
    assertThat(ran).extracting(SqlJob::sql).containsExactly("select 1");
  }

  @Test
  void aFailedStatementStopsTheScriptPrintsTheServiceMessageAndExitsOne() {
    int status = run(Map.of(), "-e", "select * from missing; select 2;");

    assertThat(status).isEqualTo(1);
    assertThat(ran).extracting(SqlJob::sql).containsExactly("select * from missing");
    assertThat(stderr()).contains("FAILED: ODPS-0130131:Table not found - missing");
  }

  @Test
  void theAccessKeyNeverAppearsInAnErrorEvenWhenTheServiceEchoesIt() {
    int status = run(Map.of(), "--access-id", "me", "--access-key", "s3cr3t-Key", "-e", "select * from echo");

    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("FAILED: bad signature for me:****").doesNotContain("s3cr3t-Key");
    assertThat(stdout()).doesNotContain("s3cr3t-Key");
  }

  @Test
  void theAccessKeyNeverAppearsInAUsageError() {
    int status = run(Map.of(), "--access-id", "me", "--access-key", "s3cr3t-Key", "s3cr3t-Key");

    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("Unmatched argument").doesNotContain("s3cr3t-Key");
  }

  private ConnectionSettings parse(Map<String, String> env, String... args) {
    McSql command = new McSql(env, stdin(""), print(out), print(err), new SecretRedactor(), this::connect);
    McSql.commandLine(command).parseArgs(args);
    return command.connectionSettings();
  }

  private int run(Map<String, String> env, String... args) {
    return McSql.run(args, env, stdin(""), print(out), print(err), this::connect);
  }

  /** Answers like the service: a table with one NULL for queries, a failure for some tables. */
  private SqlExecutor connect(ConnectionSettings settings) {
    connectedWith = settings;
    return job -> {
      ran.add(job);
      if (job.sql().contains("missing")) {
        throw new SqlExecutor.SqlFailure("ODPS-0130131:Table not found - missing", null);
      }
      if (job.sql().contains("echo")) {
        throw new SqlExecutor.SqlFailure("bad signature for " + settings.accessId() + ":" + settings.accessKey(), null);
      }
      return job.sql().startsWith("select") ? new TaskOutput("csv", "a\n\\N\n") : new TaskOutput("text", "");
    };
  }

  private String stdout() {
    return out.toString(UTF_8);
  }

  private String stderr() {
    return err.toString(UTF_8);
  }

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, UTF_8);
  }
}
