package dev.mcsink.localmc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of bin/local-maxcompute, without starting a server. */
class LocalMaxComputeMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void withoutArgumentsItUsesTheDocumentedDefaults() {
    ServiceSettings settings = parse().settings();

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.dataDir()).isEqualTo(Path.of(".local/maxcompute").toAbsolutePath().normalize());
    assertThat(settings.projects()).containsExactly("project_name");
    assertThat(settings.accounts()).containsExactlyEntriesOf(Map.of("local-access-id", "local-access-key"));
    assertThat(settings.stsTokenLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.enforceLimits()).isTrue();
    assertThat(settings.timeZone()).isEqualTo("UTC");
  }

  @Test
  void everyOptionReachesTheSettings() {
    ServiceSettings settings = parse("--port", "0", "--host", "0.0.0.0", "--data-dir", "/tmp/mc/../mc2",
        "--project", "p1", "--project", "p2", "--access-id", "id1", "--access-key", "key1",
        "--sts-token-lifetime", "30s", "--no-limits", "--time-zone", "Asia/Shanghai").settings();

    assertThat(settings).isEqualTo(new ServiceSettings("0.0.0.0", 0, Path.of("/tmp/mc2"),
        List.of("p1", "p2"), Map.of("id1", "key1"), Duration.ofSeconds(30), false, "Asia/Shanghai"));
  }

  @Test
  void aProjectGivenTwiceIsCreatedOnce() {
    assertThat(parse("--project", "p1", "--project", "p1").settings().projects()).containsExactly("p1");
  }

  @Test
  void stsTokenLifetimeAcceptsShortFormsBareSecondsAndIso8601() {
    assertThat(parse("--sts-token-lifetime", "15m").settings().stsTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(parse("--sts-token-lifetime", "500ms").settings().stsTokenLifetime()).isEqualTo(Duration.ofMillis(500));
    assertThat(parse("--sts-token-lifetime", "90").settings().stsTokenLifetime()).isEqualTo(Duration.ofSeconds(90));
    assertThat(parse("--sts-token-lifetime", "PT30S").settings().stsTokenLifetime()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void accessIdWithoutAccessKeyIsAUsageError() {
    assertThat(execute("--access-id", "someone")).isEqualTo(2);
    assertThat(stderr()).contains("Missing required argument").contains("--access-key");
  }

  @Test
  void badValuesAreUsageErrorsThatSayWhatIsWrong() {
    assertThat(execute("--port", "70000")).isEqualTo(2);
    assertThat(execute("--sts-token-lifetime", "soon")).isEqualTo(2);
    assertThat(execute("--sts-token-lifetime", "0s")).isEqualTo(2);
    assertThat(execute("--time-zone", "Mars/Olympus")).isEqualTo(2);

    assertThat(stderr()).contains("between 0 and 65535").contains("'soon' is not a duration")
        .contains("must be positive").contains("'Mars/Olympus' is not a time zone");
  }

  @Test
  void aTakenPortEndsWithStatusOneAndSaysSo(@TempDir Path dir) {
    Function<LocalMaxCompute.Builder, LocalMaxCompute> portTaken = builder -> {
      throw new UncheckedIOException(new IOException("Failed to bind to /127.0.0.1:8080",
          new BindException("Address already in use")));
    };

    int status = execute(portTaken, "--data-dir", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("cannot listen on 127.0.0.1:8080: Address already in use").contains("--port");
    assertThat(stdout()).doesNotContain("ready");
  }

  @Test
  void anyOtherStartFailureEndsWithStatusOneAndItsCause(@TempDir Path dir) {
    Function<LocalMaxCompute.Builder, LocalMaxCompute> broken = builder -> {
      throw new IllegalStateException("cannot open the warehouse", new IOException("database is locked"));
    };

    int status = execute(broken, "--data-dir", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("failed to start: cannot open the warehouse: database is locked");
  }

  @Test
  void createsTheDataDirectoryBeforeStarting(@TempDir Path dir) {
    Path dataDir = dir.resolve("a/b");
    Function<LocalMaxCompute.Builder, LocalMaxCompute> checkDirThenFail = builder -> {
      throw new IllegalStateException("exists=" + Files.isDirectory(dataDir));
    };

    execute(checkDirThenFail, "--data-dir", dataDir.toString());

    assertThat(stderr()).contains("exists=true");
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedEndsWithStatusOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    int status = execute(builder -> {
      throw new AssertionError("must not start");
    }, "--data-dir", file.resolve("sub").toString());

    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("cannot create the data directory");
  }

  @Test
  void readyLineStartsWithTheEndpointAndShowsTheDefaultKey() {
    String line = LocalMaxComputeMain.readyLine("http://127.0.0.1:8080/api", "http://127.0.0.1:8080",
        "http://127.0.0.1:8080/sts", List.of("project_name"), Map.of("local-access-id", "local-access-key"),
        Path.of("/w/.local/maxcompute"));

    assertThat(line).isEqualTo("Local MaxCompute ready: endpoint http://127.0.0.1:8080/api"
        + " | tunnel http://127.0.0.1:8080 | sts http://127.0.0.1:8080/sts | projects project_name"
        + " | access id local-access-id, key local-access-key | data /w/.local/maxcompute");
  }

  @Test
  void readyLineHidesAKeyThatIsNotTheDefault() {
    String line = LocalMaxComputeMain.readyLine("http://127.0.0.1:9/api", "http://127.0.0.1:9",
        "http://127.0.0.1:9/sts", List.of("p1", "p2"), Map.of("local-access-id", "my-own-secret"), Path.of("/d"));

    assertThat(line).startsWith("Local MaxCompute ready: endpoint http://127.0.0.1:9/api ")
        .contains("projects p1,p2").contains("access id local-access-id, key (as configured)")
        .doesNotContain("my-own-secret");
  }

  @Test
  void helpNamesEveryOptionWithItsDefault() {
    assertThat(execute("--help")).isEqualTo(0);

    assertThat(stdout()).contains("--port=PORT", "Default: 8080", "--host=HOST", "Default: 127.0.0.1",
        "--data-dir=DIR", "Default: .local/maxcompute", "--project=NAME", "Default: project_name",
        "--access-id=ID", "Default: local-access-id", "--access-key=KEY", "--sts-token-lifetime=DURATION",
        "Default: 1h", "--no-limits", "--time-zone=ZONE", "Default: UTC");
  }

  private LocalMaxComputeMain parse(String... args) {
    LocalMaxComputeMain main = new LocalMaxComputeMain(print(out), print(err), builder -> {
      throw new AssertionError("must not start");
    });
    LocalMaxComputeMain.commandLine(main).parseArgs(args);
    return main;
  }

  private int execute(String... args) {
    return execute(builder -> {
      throw new AssertionError("must not start");
    }, args);
  }

  private int execute(Function<LocalMaxCompute.Builder, LocalMaxCompute> starter, String... args) {
    CommandLine commandLine = LocalMaxComputeMain.commandLine(new LocalMaxComputeMain(print(out), print(err), starter));
    return commandLine.execute(args);
  }

  private String stdout() {
    return out.toString(UTF_8);
  }

  private String stderr() {
    return err.toString(UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, UTF_8);
  }
}
