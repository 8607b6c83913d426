package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtraColumnTest {
  @Test
  void readsNameAndTypeAndSpellsTheTypeAsMaxComputeDoes() {
    assertThat(ExtraColumn.parse("insert_time:BIGINT")).isEqualTo(new ExtraColumn("insert_time", "BIGINT"));
    assertThat(ExtraColumn.parse("amount:decimal(10, 2)")).isEqualTo(new ExtraColumn("amount", "DECIMAL(10,2)"));
    assertThat(ExtraColumn.parse("_loaded : datetime")).isEqualTo(new ExtraColumn("_loaded", "DATETIME"));
  }

  @Test
  void goesIntoCreateTableAfterTheHarnessColumnsQuoted() {
    String ddl = BenchFormat.TEXT.createTable("t", List.of(ExtraColumn.parse("insert_time:BIGINT"),
        ExtraColumn.parse("note:STRING")));

    assertThat(ddl).isEqualTo("CREATE TABLE t (topic STRING, `partition` BIGINT, `offset` BIGINT, key STRING, "
        + "value STRING, `insert_time` BIGINT, `note` STRING) PARTITIONED BY (pt STRING);");
  }

  @Test
  void saysWhatIsWrongWithABadValue() {
    assertThatThrownBy(() -> ExtraColumn.parse("insert_time")).hasMessageContaining("is not NAME:TYPE");
    assertThatThrownBy(() -> ExtraColumn.parse("insert_time:")).hasMessageContaining("has no type");
    assertThatThrownBy(() -> ExtraColumn.parse(":BIGINT")).hasMessageContaining("is not a column name");
    assertThatThrownBy(() -> ExtraColumn.parse("1st:BIGINT")).hasMessageContaining("'1st'", "is not a column name");
    assertThatThrownBy(() -> ExtraColumn.parse("insert-time:BIGINT")).hasMessageContaining("is not a column name");
    assertThatThrownBy(() -> ExtraColumn.parse("insert_time:BIGNUM")).hasMessageContaining("'BIGNUM'",
        "is not a MaxCompute type");
    assertThatThrownBy(() -> ExtraColumn.parse("insert_time:BIGINT; DROP TABLE t")).hasMessageContaining(
        "is not a MaxCompute type");
  }

  @Test
  void aBadOptionIsAUsageErrorBeforeAnythingStarts() {
    assertThat(usageError("insert_time:BIGNUM")).contains("Invalid value for option '--extra-column'",
        "is not a MaxCompute type");
    assertThat(usageError("Value:STRING")).contains("--extra-column Value: the TEXT tables already have a column value");
    assertThat(usageError("a:STRING", "A:BIGINT")).contains("--extra-column A is given twice");
  }

  @Test
  void harnessColumnNamesIncludeTheFormatsAndThePartitionColumn() {
    assertThat(BenchFormat.FLATTEN.columnNames()).containsExactly("topic", "partition", "offset", "id", "name",
        "extendinfo", "pt");
  }

  private static String usageError(String... extraColumns) {
    List<String> options = new ArrayList<>();
    for (String extra : extraColumns) {
      options.addAll(List.of("--extra-column", extra));
    }
    return BenchUsage.usageError(options.toArray(String[]::new));
  }
}
