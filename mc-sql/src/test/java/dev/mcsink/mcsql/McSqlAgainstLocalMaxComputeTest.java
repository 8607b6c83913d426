package dev.mcsink.mcsql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mc-sql end to end: its main entry, the official SDK, and a real local MaxCompute. */
class McSqlAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @Test
  void createsATableAndSelectsFromItWithFullscanSetAsInTheProductDocument() {
    Result result = mcSql("-e", """
        CREATE TABLE IF NOT EXISTS table_text (topic STRING, `partition` BIGINT, `offset` BIGINT, key STRING, value STRING)
          PARTITIONED BY (pt STRING);
        set odps.sql.allow.fullscan=true;
        select * from table_text;
        """);

    assertThat(result.status()).as(result.stderr()).isEqualTo(0);
    assertThat(result.stdout()).isEqualTo("OK\n"
        + "+-------+-----------+--------+-----+-------+----+\n"
        + "| topic | partition | offset | key | value | pt |\n"
        + "+-------+-----------+--------+-----+-------+----+\n"
        + "+-------+-----------+--------+-----+-------+----+\n");
  }

  @Test
  void printsStoredRowsAsATableWithNullForNull() {
    assertThat(mcSql("-e", "CREATE TABLE mcsql_rows (id BIGINT, name STRING) PARTITIONED BY (pt STRING);"
        + "ALTER TABLE mcsql_rows ADD PARTITION (pt='07-13-2023 21:13');").status()).isEqualTo(0);
    MC.service().warehouse().append(TableId.of(LocalMaxCompute.DEFAULT_PROJECT, "mcsql_rows"),
        PartitionSpec.of(Map.of("pt", "07-13-2023 21:13")),
        List.of(new Object[] {1L, "abc"}, new Object[] {2L, null}));

    Result result = mcSql("-e", "set odps.sql.allow.fullscan=true; select id, name, pt from mcsql_rows;");

    assertThat(result.status()).as(result.stderr()).isEqualTo(0);
    assertThat(result.stdout())
        .startsWith("+----+------+------------------+\n"
            + "| id | name | pt               |\n"
            + "+----+------+------------------+\n")
        .contains("| 1  | abc  | 07-13-2023 21:13 |\n")
        .contains("| 2  | NULL | 07-13-2023 21:13 |\n")
        .endsWith("+----+------+------------------+\n");
  }

  @Test
  void aStatementOnAMissingTableFailsWithTheServiceMessageOnStderr() {
    Result result = mcSql("-e", "select * from no_such_table;");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("FAILED: ").contains("no_such_table")
        .doesNotContain(LocalMaxCompute.DEFAULT_ACCESS_KEY);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void aWrongAccessKeyIsRefusedWithoutShowingTheKey() {
    Result result = mcSql("--access-id", LocalMaxCompute.DEFAULT_ACCESS_ID, "--access-key", "not-the-key-42",
        "-e", "select 1;");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("FAILED: ").doesNotContain("not-the-key-42");
  }

  private static Result mcSql(String... extraArgs) {
    String[] args = new String[extraArgs.length + 2];
    args[0] = "--endpoint";
    args[1] = MC.service().endpoint();
    System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = McSql.run(args, Map.of(), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  private record Result(int status, String stdout, String stderr) {}
}
