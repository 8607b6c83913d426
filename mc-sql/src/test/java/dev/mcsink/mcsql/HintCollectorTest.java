package dev.mcsink.mcsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HintCollectorTest {

  @Test
  void setStatementsAreNotRunButBecomeHintsOfTheFollowingStatements() {
    List<SqlJob> jobs = HintCollector.collect(List.of(
        "create table t (a bigint)",
        "set odps.sql.allow.fullscan=true",
        "select * from t",
        "SET odps.sql.type.system.odps2 = true",
        "select count(*) from t"));

    assertThat(jobs).containsExactly(
        new SqlJob("create table t (a bigint)", Map.of()),
        new SqlJob("select * from t", Map.of("odps.sql.allow.fullscan", "true")),
        new SqlJob("select count(*) from t",
            Map.of("odps.sql.allow.fullscan", "true", "odps.sql.type.system.odps2", "true")));
  }

  @Test
  void aLaterSetOfTheSameKeyReplacesTheValue() {
    List<SqlJob> jobs = HintCollector.collect(List.of("set k=1", "select 1", "set k=2", "select 2"));

    assertThat(jobs).extracting(SqlJob::hints).containsExactly(Map.of("k", "1"), Map.of("k", "2"));
  }

  @Test
  void aStatementMerelyStartingWithSetIsRunAsIs() {
    List<SqlJob> jobs = HintCollector.collect(List.of("settings_table_scan"));

    assertThat(jobs).containsExactly(new SqlJob("settings_table_scan", Map.of()));
  }

  @Test
  void rejectsASetWithoutAValue() {
    assertThatThrownBy(() -> HintCollector.collect(List.of("set odps.sql.allow.fullscan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set key=value");
  }
}
