package dev.mcsink.localmc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableSchemaVersionTest {
  private final TableSchema created = new TableSchema(List.of(Column.of("id", "BIGINT")), List.of(Column.of("pt", "STRING")));

  @Test
  void addingColumnsGivesANewVersionWhoseEarlierSchemaIsThePrefix() {
    TableSchema altered = created.withColumnsAdded(List.of(Column.of("a", "STRING"), Column.of("b", "DOUBLE")));

    assertThat(created.version()).isEqualTo("1");
    assertThat(altered.version()).isEqualTo("3");
    assertThat(altered.asOfVersion(created.version())).contains(created);
    assertThat(altered.asOfVersion("3")).contains(altered);
    assertThat(altered.columns().get(2).name()).isEqualTo("b");
    assertThat(altered.partitionColumns()).isEqualTo(created.partitionColumns());
  }

  @Test
  void unknownVersionsAreEmpty() {
    assertThat(created.asOfVersion("2")).isEmpty();
    assertThat(created.asOfVersion("0")).isEmpty();
    assertThat(created.asOfVersion("v1")).isEmpty();
  }
}
