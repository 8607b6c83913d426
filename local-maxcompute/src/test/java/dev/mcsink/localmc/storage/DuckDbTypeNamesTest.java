package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuckDbTypeNamesTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
      "BIGINT; BIGINT",
      "INTEGER; INT",
      "SMALLINT; SMALLINT",
      "TINYINT; TINYINT",
      "UTINYINT; SMALLINT",
      "UINTEGER; BIGINT",
      "HUGEINT; DECIMAL(38,0)",
      "DOUBLE; DOUBLE",
      "FLOAT; FLOAT",
      "BOOLEAN; BOOLEAN",
      "VARCHAR; STRING",
      "BLOB; BINARY",
      "DATE; DATE",
      "TIMESTAMP; DATETIME",
      "TIMESTAMP WITH TIME ZONE; DATETIME",
      "TIMESTAMP_NS; TIMESTAMP",
      "JSON; JSON",
      "DECIMAL(10,2); DECIMAL(10,2)",
      "INTERVAL; STRING",
      "UUID; STRING",
      "VARCHAR[]; ARRAY<STRING>",
      "INTEGER[2]; ARRAY<INT>",
      "BIGINT[][]; ARRAY<ARRAY<BIGINT>>",
      "MAP(VARCHAR, BIGINT); MAP<STRING,BIGINT>",
      "STRUCT(a INTEGER, \"b c\" VARCHAR[]); STRUCT<a:INT,b c:ARRAY<STRING>>",
      "STRUCT(t TIMESTAMP WITH TIME ZONE, d DECIMAL(5,1)); STRUCT<t:DATETIME,d:DECIMAL(5,1)>",
      "ENUM('x', 'y'); STRING",
      "UNION(n INTEGER, s VARCHAR); STRING",
  })
  void mapsDuckDbResultTypesToMaxComputeTypes(String duckDb, String maxCompute) {
    assertThat(DuckDbTypeNames.maxComputeType(duckDb).typeName()).isEqualTo(maxCompute);
  }
}
