package dev.mcsink.mcsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {

  @Test
  void csvResultPrintsAsATable() {
    String printed = ResultPrinter.render(job("select a from t"), new TaskOutput("csv", "a\n1\n"));

    assertThat(printed).isEqualTo("+---+\n| a |\n+---+\n| 1 |\n+---+\n");
  }

  @Test
  void textResultPrintsAsItCameWithAFinalLineBreak() {
    String desc = "+------------------+\n| Owner: ALIYUN$x  |\n+------------------+";

    assertThat(ResultPrinter.render(job("desc t"), new TaskOutput("text", desc))).isEqualTo(desc + "\n");
  }

  @Test
  void aStatementThatAnsweredNothingPrintsOk() {
    assertThat(ResultPrinter.render(job("create table t (a bigint)"), new TaskOutput("text", "")))
        .isEqualTo("OK\n");
  }

  @Test
  void aQueryResultWithoutFormatIsStillReadAsCsv() {
    assertThat(ResultPrinter.render(job("  SELECT 1"), new TaskOutput(null, "_c0\n1\n")))
        .startsWith("+-----+\n| _c0 |\n");
  }

  private static SqlJob job(String sql) {
    return new SqlJob(sql, Map.of());
  }
}
