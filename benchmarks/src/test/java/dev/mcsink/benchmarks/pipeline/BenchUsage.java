package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** bin/bench's command line as a test runs it: options that must be refused before anything starts. */
final class BenchUsage {
  private BenchUsage() {
  }

  /** What bin/bench prints for these options; it must exit with the usage status, 2. */
  static String usageError(String... options) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new PipelineBenchmark()).setCaseInsensitiveEnumValuesAllowed(true)
        .setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
    List<String> args = new ArrayList<>(List.of("--this-plugin-path", "p", "--stack-classpath-file", "f",
        "--log4j-config", "l"));
    args.addAll(List.of(options));
    assertThat(command.execute(args.toArray(String[]::new))).as("exit status").isEqualTo(2);
    return err.toString();
  }
}
