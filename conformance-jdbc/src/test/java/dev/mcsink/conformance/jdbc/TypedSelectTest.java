package dev.mcsink.conformance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SELECT results as the driver reads them through the instance tunnel: the Java class and value of
 * every type the connector writes, the nulls, and the result set's metadata.
 */
class TypedSelectTest {
  @RegisterExtension
  static final LocalMaxComputeJdbc MC = new LocalMaxComputeJdbc();

  private static final String COLUMNS = "id BIGINT, name STRING, score DOUBLE, ok BOOLEAN, dt DATETIME, amount DECIMAL(10,2),"
      + " raw BINARY, ts TIMESTAMP, day DATE, i INT, si SMALLINT, ti TINYINT, f FLOAT, v VARCHAR(10), c CHAR(3)";

  @BeforeAll
  static void createAndFill() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE typed (" + COLUMNS + ") PARTITIONED BY (pt STRING)");
    JdbcConnections.execute(MC.connection(), "INSERT INTO typed PARTITION (pt='a') VALUES"
        + " (1, 'héllo', 2.5, true, DATETIME '2024-01-02 03:04:05', 12.34BD, CAST('ab' AS BINARY),"
        + " TIMESTAMP '2024-01-02 03:04:05.123456', DATE '2024-01-02', 42, 7S, 3Y, 1.5, 'vv', 'abc'),"
        + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
  }


  @Test
  void everyTypeComesBackAsTheDriversJavaClass() throws Exception {
    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM typed WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject("id")).isEqualTo(1L);
      assertThat(rs.getObject("name")).isEqualTo("héllo");
      assertThat(rs.getObject("score")).isEqualTo(2.5d);
      assertThat(rs.getObject("ok")).isEqualTo(true);
      assertThat(rs.getObject("dt")).isInstanceOf(ZonedDateTime.class);
      assertThat(((ZonedDateTime) rs.getObject("dt")).toInstant()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
      assertThat(rs.getObject("amount")).isEqualTo(new BigDecimal("12.34"));
      assertThat(rs.getBytes("raw")).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
      assertThat(rs.getObject("ts")).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
      assertThat(rs.getObject("day")).isEqualTo(LocalDate.of(2024, 1, 2));
      assertThat(rs.getObject("i")).isEqualTo(42);
      assertThat(rs.getObject("si")).isEqualTo((short) 7);
      assertThat(rs.getObject("ti")).isEqualTo((byte) 3);
      assertThat(rs.getObject("f")).isEqualTo(1.5f);
      assertThat(rs.getString("v")).isEqualTo("vv");
      assertThat(rs.getString("c")).isEqualTo("abc");
      assertThat(rs.getObject("pt")).isEqualTo("a");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void jdbcGettersConvertTheValues() throws Exception {
    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM typed WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong("id")).isEqualTo(1L);
      assertThat(rs.getInt("i")).isEqualTo(42);
      assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("12.34");
      assertThat(rs.getDate("day").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 2));
      assertThat(rs.getTimestamp("ts").toInstant()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
      assertThat(rs.getTimestamp("dt").toInstant()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
      assertThat(rs.getBoolean("ok")).isTrue();
      assertThat(rs.getString("score")).isEqualTo("2.5");
    }
  }

  @Test
  void nullsAreNullsInEveryType() throws Exception {
    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM typed WHERE id = 2")) {
      assertThat(rs.next()).isTrue();
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 2; i < meta.getColumnCount(); i++) {
        assertThat(rs.getObject(i)).as(meta.getColumnName(i)).isNull();
        assertThat(rs.wasNull()).as(meta.getColumnName(i)).isTrue();
      }
    }
  }

  @Test
  void resultSetMetaDataNamesTheMaxComputeTypes() throws Exception {
    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM typed WHERE id = 0")) {
      ResultSetMetaData meta = rs.getMetaData();

      assertThat(meta.getColumnCount()).isEqualTo(16);
      assertThat(meta.getColumnName(1)).isEqualTo("id");
      assertThat(typeNames(meta)).containsExactly("BIGINT", "STRING", "DOUBLE", "BOOLEAN", "DATETIME", "DECIMAL(10,2)",
          "BINARY", "TIMESTAMP", "DATE", "INT", "SMALLINT", "TINYINT", "FLOAT", "VARCHAR(10)", "CHAR(3)", "STRING");
      assertThat(meta.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(meta.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(meta.getColumnType(6)).isEqualTo(Types.DECIMAL);
      assertThat(meta.getPrecision(6)).isEqualTo(10);
      assertThat(meta.getScale(6)).isEqualTo(2);
      assertThat(meta.getColumnType(8)).isEqualTo(Types.TIMESTAMP);
      assertThat(meta.getColumnType(9)).isEqualTo(Types.DATE);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void expressionsGetMaxComputeNamesAndTypes() throws Exception {
    try (Statement s = MC.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(i) AS total, max(name) AS top FROM typed")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(meta.getColumnName(1)).isEqualTo("_c0");
      assertThat(typeNames(meta)).containsExactly("BIGINT", "DECIMAL(38,0)", "STRING");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2L);
      assertThat(rs.getLong("total")).isEqualTo(42L);
      assertThat(rs.getString("top")).isEqualTo("héllo");
    }
  }

  @Test
  void arraysMapsAndStructsComeBackAsTheDriverPresentsThem() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE nested (tags ARRAY<STRING>, counts MAP<STRING,BIGINT>,"
        + " st STRUCT<a:INT,b:STRING>)");
    JdbcConnections.execute(MC.connection(),
        "INSERT INTO nested VALUES (array('a', 'b'), map('k', 7L), named_struct('a', 1, 'b', 'x'))");

    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM nested")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(typeNames(meta)).containsExactly("ARRAY<STRING>", "MAP<STRING,BIGINT>", "STRUCT<a:INT,b:STRING>");
      assertThat(meta.getColumnType(1)).isEqualTo(Types.ARRAY);
      assertThat(meta.getColumnType(3)).isEqualTo(Types.STRUCT);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject("tags")).isEqualTo(List.of("a", "b"));
      assertThat(rs.getObject("counts")).isEqualTo(Map.of("k", 7L));
      // the SDK's own Struct, not java.sql.Struct
      assertThat(rs.getObject("st").getClass().getName()).isEqualTo("com.aliyun.odps.data.SimpleStruct");
      assertThat(rs.getObject("st")).hasToString("{a:1, b:x}");
      assertThat(rs.getString("tags")).isEqualTo("[\"a\",\"b\"]");
      assertThat(rs.getString("st")).isEqualTo("{\"a\":1,\"b\":\"x\"}");
    }
  }

  @Test
  void nestedExpressionsAreTypedFromTheirValues() throws Exception {
    try (Statement s = MC.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT array(1, 2) AS arr, map('k', 'v') AS m, named_struct('x', 1.5BD) AS st")) {
      assertThat(typeNames(rs.getMetaData())).containsExactly("ARRAY<INT>", "MAP<STRING,STRING>", "STRUCT<x:DECIMAL(2,1)>");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject("arr")).isEqualTo(List.of(1, 2));
      assertThat(rs.getObject("m")).isEqualTo(Map.of("k", "v"));
    }
  }

  @Test
  void manyRowsArriveInOrder() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE numbers (n BIGINT)");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      values.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
    }
    JdbcConnections.execute(MC.connection(), "INSERT INTO numbers VALUES " + values);

    List<Object> read = JdbcConnections.column(MC.connection(), "SELECT n FROM numbers ORDER BY n");

    assertThat(read).hasSize(500);
    assertThat(read.get(0)).isEqualTo(0L);
    assertThat(read.get(499)).isEqualTo(499L);
  }

  /**
   * The driver's SDK (0.43.3) predates JSON: it names the type but cannot read its values. The
   * column cast to STRING under another name reads fine.
   */
  @Test
  void aJsonColumnReadsOnlyAsString() throws Exception {
    JdbcConnections.execute(MC.connection(), "CREATE TABLE docs (id BIGINT, doc JSON)");
    JdbcConnections.execute(MC.connection(), "INSERT INTO docs VALUES (1, '{\"a\":1}')");

    assertThat(JdbcConnections.column(MC.connection(), "SELECT CAST(doc AS STRING) AS doc_text FROM docs"))
        .containsExactly("{\"a\":1}");
    try (Statement s = MC.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM docs")) {
      assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("JSON");
      assertThatThrownBy(rs::next).isInstanceOf(RuntimeException.class).hasMessageContaining("Read from reader failed");
    }
  }

  private static List<String> typeNames(ResultSetMetaData meta) throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnTypeName(i));
    }
    return names;
  }
}
