package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SQL script the project's documents show runs on the local service: read from
 * {@code docs/*.md} and {@code README.md} themselves, so a document cannot drift from what runs.
 * Scripts are the arguments of {@code bin/mc-sql -e}, what is piped into it, the SQL of
 * {@code SQLTask.run} in Java examples, and {@code ```sql} blocks ({@code '...'} placeholders aside).
 * They run in one warehouse: first the scripts that create tables (the quickstart's demo queries
 * {@code table_text}, which {@code bin/quickstart} creates, before the walkthrough shows its CREATE
 * TABLE), then the others in reading order, the quickstart first. A script the document shows
 * failing (its output starts {@code FAILED: }) must fail with that message.
 */
class DocumentedSqlTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final List<Pattern> SCRIPTS = List.of(
      Pattern.compile("bin/mc-sql[^\\n]*?-e\\s+'([^']*)'"),
      Pattern.compile("bin/mc-sql[^\\n]*?-e\\s+\"((?:[^\"\\\\]|\\\\.)*)\""),
      Pattern.compile("echo\\s+\"([^\"]*)\"\\s*\\|\\s*bin/mc-sql"),
      Pattern.compile("SQLTask\\.run\\(odps,(?:\\s*\"[^\"]*\",)?\\s*\"((?:[^\"\\\\]|\\\\.)*)\""),
      Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL));

  private static final Pattern FAILED = Pattern.compile("\\s*\\n\\s*FAILED: ([^\\n]*)");

  @RegisterExtension
  final LocalSql sql = new LocalSql("project_name");

  @Test
  void everyScriptInTheDocumentsRuns() throws IOException {
    List<Script> scripts = new ArrayList<>();
    for (Path document : documents()) {
      scripts.addAll(scripts(REPOSITORY.relativize(document).toString(), Files.readString(document)));
    }
    scripts.sort(Comparator.comparing(s -> !s.sql().strip().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE")));
    List<String> failures = new ArrayList<>();
    for (Script script : scripts) {
      String error = sql.run(script.sql());
      if (!java.util.Objects.equals(error, script.expectedError())) {
        failures.add(script.document() + ": " + script.sql() + "\n  -> " + (error == null ? "succeeded" : error)
            + (script.expectedError() == null ? "" : "\n  documented: " + script.expectedError()));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(scripts).as("scripts found in the documents").hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void theQuickstartsTablesAreAmongTheScripts() throws IOException {
    List<String> quickstart = scripts("quickstart", Files.readString(REPOSITORY.resolve("docs/quickstart.md"))).stream()
        .map(Script::sql).toList();
    assertThat(quickstart).anySatisfy(s -> assertThat(s).contains("CREATE TABLE IF NOT EXISTS table_flatten("));
    assertThat(quickstart).anySatisfy(s -> assertThat(s).contains("select * from table_json;"));
  }

  /** The quickstart first (it creates the tables the others query), then the rest by name, the README last. */
  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(REPOSITORY.resolve("docs/quickstart.md"));
    try (Stream<Path> files = Files.list(REPOSITORY.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md") && !documents.contains(p))
          .sorted(Comparator.naturalOrder()).forEach(documents::add);
    }
    documents.add(REPOSITORY.resolve("README.md"));
    return documents;
  }

  /** A script as a document shows it, with the error it shows after it (null: it succeeds). */
  record Script(String document, String sql, String expectedError) {}

  static List<Script> scripts(String document, String markdown) {
    List<int[]> spans = new ArrayList<>();
    List<Script> scripts = new ArrayList<>();
    for (Pattern pattern : SCRIPTS) {
      Matcher m = pattern.matcher(markdown);
      while (m.find()) {
        if (!m.group(1).strip().equals("...")) {
          spans.add(new int[] {m.start(), scripts.size()});
          Matcher failed = FAILED.matcher(markdown).region(m.end(), markdown.length());
          scripts.add(new Script(document, m.group(1).replace("\\\"", "\""), failed.lookingAt() ? failed.group(1) : null));
        }
      }
    }
    // in the order the document shows them
    spans.sort(Comparator.comparingInt(s -> s[0]));
    return spans.stream().map(s -> scripts.get(s[1])).toList();
  }
}
