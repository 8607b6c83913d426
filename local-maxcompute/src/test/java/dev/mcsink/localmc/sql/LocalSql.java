package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.storage.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh warehouse in a temporary directory for each test and a SQL runner on it, with the checks
 * every SQL test makes of an outcome. Register with {@code @RegisterExtension}.
 */
final class LocalSql implements BeforeEachCallback, AfterEachCallback {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final String project;
  private final List<String> otherProjects;
  private Path dir;
  private DuckDbWarehouse warehouse;
  private MaxComputeSqlRunner runner;

  /** Scripts run in {@code project}; the other projects exist too. */
  LocalSql(String project, String... otherProjects) {
    this.project = project;
    this.otherProjects = List.of(otherProjects);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("local-sql");
    warehouse = DuckDbWarehouse.open(dir);
    warehouse.ensureProject(project);
    otherProjects.forEach(warehouse::ensureProject);
    runner = new MaxComputeSqlRunner(warehouse, warehouse.queries(), ZONE);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    warehouse.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  DuckDbWarehouse warehouse() {
    return warehouse;
  }

  /** Runs a script that must succeed; its result text. */
  String ok(String script) {
    SqlOutcome outcome = runner.run(project, null, script);
    assertThat(outcome.errorMessage()).as(script).isNull();
    assertThat(outcome.success()).isTrue();
    return outcome.csv();
  }

  /** Runs a script; its error message, or null when it succeeded. */
  String run(String script) {
    SqlOutcome outcome = runner.run(project, null, script);
    return outcome.success() ? null : outcome.errorMessage();
  }

  /** Runs a script that must fail; its error message. */
  String failure(String script) {
    SqlOutcome outcome = runner.run(project, null, script);
    assertThat(outcome.success()).as(script).isFalse();
    return outcome.errorMessage();
  }
}
