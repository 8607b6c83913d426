package dev.mcsink.localmc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxComputeTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"BIGINT", "INT", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "BOOLEAN", "STRING",
      "BINARY", "DATE", "DATETIME", "TIMESTAMP", "TIMESTAMP_NTZ", "JSON", "INTERVAL_DAY_TIME",
      "INTERVAL_YEAR_MONTH", "VARCHAR(10)", "CHAR(5)", "DECIMAL(10,2)", "DECIMAL", "ARRAY<STRING>",
      "MAP<STRING,BIGINT>", "STRUCT<a:INT,b:ARRAY<MAP<STRING,DECIMAL(38,18)>>>"})
  void canonicalNamesParseBackToThemselves(String name) {
    assertThat(MaxComputeType.parse(name).typeName()).isEqualTo(name);
  }

  @Test
  void parsingIgnoresCaseAndSpaces() {
    MaxComputeType type = MaxComputeType.parse(" array < struct< `Name` : string , n:bigint > > ");
    assertThat(type.typeName()).isEqualTo("ARRAY<STRUCT<Name:STRING,n:BIGINT>>");
  }

  @Test
  void bareDecimalIsTheLegacyFiftyFourEighteen() {
    MaxComputeType.Decimal d = (MaxComputeType.Decimal) MaxComputeType.parse("decimal");
    assertThat(d.precision()).isEqualTo(54);
    assertThat(d.scale()).isEqualTo(18);
  }

  @ParameterizedTest
  @ValueSource(strings = {"BIGGINT", "VARCHAR", "DECIMAL(39,2)", "DECIMAL(5,6)", "ARRAY<>", "MAP<STRING>",
      "STRUCT<a INT>", "CHAR(256)", "STRING extra"})
  void invalidTypesAreRejectedWithTheirText(String name) {
    assertThatThrownBy(() -> MaxComputeType.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }
}
