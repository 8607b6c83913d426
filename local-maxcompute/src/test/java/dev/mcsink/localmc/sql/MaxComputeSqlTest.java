package dev.mcsink.localmc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.data.Record;
import com.aliyun.odps.utils.CSVRecordParser;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MaxComputeSqlTest {
  private static final String P = "project_name";
  @RegisterExtension
  final LocalSql sql = new LocalSql(P, "p1");

  /** Parses the CSV exactly as SQLTask.getResult does. */
  private static List<List<String>> parsed(String csv) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (Record r : CSVRecordParser.parse(csv).getRecords()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.getColumnCount(); i++) {
        row.add(r.getString(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> header(String csv) throws Exception {
    return Arrays.stream(CSVRecordParser.parse(csv).getSchema().getColumns().toArray(new com.aliyun.odps.Column[0]))
        .map(com.aliyun.odps.Column::getName).collect(Collectors.toList());
  }

  private void seedSales() {
    sql.ok("CREATE TABLE sales (id BIGINT, amount DOUBLE, region STRING) PARTITIONED BY (pt STRING);");
    sql.ok("ALTER TABLE sales ADD PARTITION (pt='20240101') PARTITION (pt='20240102');");
    TableId id = TableId.of(P, "sales");
    sql.warehouse().append(id, PartitionSpec.parse("pt=20240101"), List.of(new Object[] {1L, 10.5, "east"},
        new Object[] {2L, 20.0, "west"}, new Object[] {3L, 5.0, "east"}));
    sql.warehouse().append(id, PartitionSpec.parse("pt=20240102"), List.of(new Object[] {4L, 1.0, "east"},
        new Object[] {5L, null, null}));
  }

  @Test
  void sdkGeneratedDdlCreatesAndDropsTables() {
    sql.ok("CREATE TABLE IF NOT EXISTS `p1`.`t2` (`id` BIGINT COMMENT 'the id',`name` STRING,`amt` DECIMAL(10,2),"
        + "`doc` JSON,`ts` DATETIME,`tags` ARRAY<STRING>) PARTITIONED BY (`pt` STRING) LIFECYCLE 3;");
    var table = sql.warehouse().table(TableId.of("p1", "t2")).orElseThrow();
    assertThat(table.schema().columns()).extracting(c -> c.name() + " " + c.type().typeName() + " " + c.comment())
        .containsExactly("id BIGINT the id", "name STRING ", "amt DECIMAL(10,2) ", "doc JSON ", "ts DATETIME ",
            "tags ARRAY<STRING> ");
    assertThat(table.schema().partitionColumns()).extracting(Column::name).containsExactly("pt");
    assertThat(table.lifecycleDays()).isEqualTo(3);

    sql.ok("ALTER TABLE `p1`.`t2` ADD IF NOT EXISTS PARTITION (pt='20240101');");
    sql.ok("ALTER TABLE `p1`.`t2` ADD IF NOT EXISTS PARTITION (pt='20240101');");
    assertThat(sql.warehouse().partitions(TableId.of("p1", "t2"))).hasSize(1);
    sql.ok("ALTER TABLE `p1`.`t2` DROP IF EXISTS PARTITION(pt='20240101');");
    sql.ok("ALTER TABLE `p1`.`t2` DROP IF EXISTS PARTITION(pt='20240101');");
    assertThat(sql.warehouse().partitions(TableId.of("p1", "t2"))).isEmpty();

    sql.ok("DROP TABLE  IF EXISTS `p1`.`t2`;");
    assertThat(sql.warehouse().table(TableId.of("p1", "t2"))).isEmpty();
    sql.ok("DROP TABLE  IF EXISTS `p1`.`t2`;");
  }

  @Test
  void productDocumentTablesWithKeywordColumnNamesWork() throws Exception {
    sql.ok("CREATE TABLE IF NOT EXISTS table_text(topic STRING, `partition` BIGINT, `offset` BIGINT, key STRING,"
        + " value STRING) PARTITIONED BY (pt STRING);");
    sql.ok("CREATE TABLE IF NOT EXISTS table_struct(id BIGINT, s STRUCT<a:INT,b:STRING>, m MAP<STRING,BIGINT>,"
        + " arr ARRAY<STRING>, d DECIMAL(38,18), v VARCHAR(20), c CHAR(2), ntz TIMESTAMP_NTZ, j JSON)"
        + " PARTITIONED BY (pt STRING, dt STRING);");
    sql.ok("ALTER TABLE table_text ADD PARTITION (pt='p0');");
    sql.warehouse().append(TableId.of(P, "table_text"), PartitionSpec.parse("pt=p0"),
        List.<Object[]>of(new Object[] {"topic-a", 3L, 42L, "k", "v"}));
    String csv = sql.ok("set odps.sql.allow.fullscan=true;\nselect topic, `partition`, `offset`, key, value, pt"
        + " from table_text where `offset` > 10;");
    assertThat(header(csv)).containsExactly("topic", "partition", "offset", "key", "value", "pt");
    assertThat(parsed(csv)).containsExactly(List.of("topic-a", "3", "42", "k", "v", "p0"));
  }

  @Test
  void selectsFilterSortLimitAndAggregateOverPartitionColumns() throws Exception {
    seedSales();
    assertThat(parsed(sql.ok("SELECT id FROM sales WHERE pt = '20240101' AND region = \"east\" ORDER BY id DESC;")))
        .containsExactly(List.of("3"), List.of("1"));
    assertThat(parsed(sql.ok("select * from project_name.sales order by id limit 2")))
        .containsExactly(List.of("1", "10.5", "east", "20240101"), List.of("2", "20.0", "west", "20240101"));
    String grouped = sql.ok("SELECT pt, COUNT(*), COUNT(amount) AS n, SUM(amount), MIN(id), MAX(id), AVG(amount)"
        + " FROM `project_name`.`default`.`SALES` GROUP BY pt ORDER BY pt;");
    assertThat(header(grouped)).containsExactly("pt", "_c1", "n", "_c3", "_c4", "_c5", "_c6");
    assertThat(parsed(grouped)).containsExactly(List.of("20240101", "3", "3", "35.5", "1", "3", "11.833333333333334"),
        List.of("20240102", "2", "1", "1.0", "4", "5", "1.0"));
    assertThat(parsed(sql.ok("SELECT s.region, count(*) c FROM sales s WHERE s.region IS NOT NULL GROUP BY s.region"
        + " ORDER BY c DESC, s.region")))
        .containsExactly(List.of("east", "3"), List.of("west", "1"));
    assertThat(parsed(sql.ok("SELECT id FROM sales WHERE id IN (SELECT MAX(id) FROM sales WHERE pt='20240101')")))
        .containsExactly(List.of("3"));
    assertThat(parsed(sql.ok("WITH e AS (SELECT * FROM sales WHERE region='east') SELECT count(*) FROM e")))
        .containsExactly(List.of("3"));
    assertThat(parsed(sql.ok("SELECT amount FROM sales WHERE id = 5"))).containsExactly(List.of("\\N"));
  }

  @Test
  void resultValuesPrintInMaxComputeTextForm() throws Exception {
    sql.ok("CREATE TABLE typed (b BOOLEAN, dbl DOUBLE, f FLOAT, dec DECIMAL(10,2), dt DATETIME, d DATE,"
        + " ts TIMESTAMP, bin BINARY, s STRING, arr ARRAY<STRING>, m MAP<STRING,BIGINT>, st STRUCT<a:INT,b:STRING>,"
        + " legacy DECIMAL);");
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("k1", 1L);
    map.put("k2", null);
    sql.warehouse().append(TableId.of(P, "typed"), PartitionSpec.empty(), List.<Object[]>of(new Object[] {true, 0.1,
        1.5f, new BigDecimal("3.1"), Instant.parse("2024-01-01T00:00:00Z"), LocalDate.of(2024, 2, 29),
        Instant.parse("2024-01-01T01:02:03.123456789Z"), new byte[] {'a', 0, '=', ' '}, "x, \"y\"\n z ",
        Arrays.asList("a", null), map, Arrays.asList(1, "x"), new BigDecimal("1.000000000000000000001")}));
    String csv = sql.ok("SELECT * FROM typed");
    assertThat(parsed(csv)).containsExactly(List.of("true", "0.1", "1.5", "3.10", "2024-01-01 08:00:00",
        "2024-02-29", "2024-01-01 01:02:03.123456789", "a=00=3D=20", "x, \"y\"\n z ", "[a, NULL]",
        "{k1:1, k2:NULL}", "{a:1, b:x}", "1.000000000000000000"));
    // MaxCompute arrays count from 0.
    assertThat(parsed(sql.ok("SELECT st.a, arr[0], m['k1'] FROM typed"))).containsExactly(List.of("1", "a", "1"));
  }

  @Test
  void truncateAndDropPartitionDeleteRows() throws Exception {
    seedSales();
    sql.ok("TRUNCATE TABLE sales PARTITION (pt='20240101');");
    assertThat(parsed(sql.ok("SELECT count(*) FROM sales"))).containsExactly(List.of("2"));
    assertThat(sql.warehouse().partitions(TableId.of(P, "sales"))).hasSize(2);
    sql.ok("ALTER TABLE sales DROP PARTITION (pt='20240102');");
    assertThat(parsed(sql.ok("SELECT count(*) FROM sales"))).containsExactly(List.of("0"));
    assertThat(sql.ok("SHOW PARTITIONS sales;")).isEqualTo("pt=20240101\n");
    seedSalesRowsAgain();
    sql.ok("TRUNCATE TABLE sales;");
    assertThat(parsed(sql.ok("SELECT count(*) FROM sales"))).containsExactly(List.of("0"));
    assertThat(sql.warehouse().table(TableId.of(P, "sales")).orElseThrow().recordCount()).isZero();
  }

  private void seedSalesRowsAgain() {
    sql.warehouse().append(TableId.of(P, "sales"), PartitionSpec.parse("pt=20240101"),
        List.<Object[]>of(new Object[] {9L, 1.0, "x"}));
  }

  @Test
  void descAndShowDescribeTheCatalog() {
    sql.ok("CREATE TABLE t1 (id BIGINT COMMENT 'the id', name STRING) COMMENT 'first table'"
        + " PARTITIONED BY (pt STRING) LIFECYCLE 7;");
    sql.ok("CREATE TABLE t0 (x INT);");
    String desc = sql.ok("DESC t1;");
    assertThat(desc).contains("| Owner:", "| Project:                  project_name",
        "| TableComment:             first table", "CreateTime:", "LastDDLTime:", "LastModifiedTime:",
        "| Lifecycle:                7", "Native Columns:", "| Field    | Type       | Label | Comment",
        "| id       | bigint     |       | the id", "Partition Columns:", "| pt       | string");
    assertThat(sql.ok("DESCRIBE EXTENDED project_name.t1")).contains("RecordNum: 0");
    assertThat(sql.ok("SHOW TABLES;")).isEqualTo("ALIYUN$local:t0\nALIYUN$local:t1\n");
  }

  @Test
  void failuresCarryMaxComputeMessagesNamingTheObject() {
    seedSales();
    assertThat(sql.failure("SELECT * FROM nosuch;"))
        .isEqualTo("ODPS-0130131:[1,15] Table not found - table project_name.nosuch cannot be resolved");
    assertThat(sql.failure("SELECT nocol FROM sales;"))
        .isEqualTo("ODPS-0130071:[1,8] Semantic analysis exception - column nocol cannot be resolved");
    assertThat(sql.failure("CREATE TABLE sales (id BIGINT);"))
        .startsWith("ODPS-0110061: Failed to run ddltask - ").contains("project_name.sales already exists");
    assertThat(sql.failure("DROP TABLE nosuch;")).startsWith("ODPS-0130131:").contains("project_name.nosuch");
    assertThat(sql.failure("ALTER TABLE sales ADD PARTITION (pt='20240101');"))
        .startsWith("ODPS-0110061:").contains("pt=20240101").contains("already exists");
    assertThat(sql.failure("ALTER TABLE sales ADD PARTITION (dt='x');")).contains("dt");
    assertThat(sql.failure("CREATE TABLE bad (x NOSUCHTYPE);")).startsWith("ODPS-0130161:").contains("NOSUCHTYPE");
    assertThat(sql.failure("SELEC 1")).startsWith("ODPS-0130161:");
    assertThat(sql.failure("SELECT 1 +")).startsWith("ODPS-0130161:");
    assertThat(sql.failure("TRUNCATE TABLE sales PARTITION (pt='nope');")).contains("pt='nope'");
  }

  @Test
  void queriesReachTablesOfOtherProjectsAndSchemas() throws Exception {
    sql.ok("CREATE TABLE p1.other (v STRING);");
    sql.warehouse().append(TableId.of("p1", "other"), PartitionSpec.empty(), List.<Object[]>of(new Object[] {"hi"}));
    assertThat(parsed(sql.ok("select o.v from p1.other o"))).containsExactly(List.of("hi"));
    assertThat(parsed(sql.ok("select other.v from `p1`.`other`"))).containsExactly(List.of("hi"));
    assertThat(parsed(sql.ok("select 1 as one, 'a''b' x, \"it\\'s\" y"))).containsExactly(List.of("1", "a'b", "it's"));
  }

  @Test
  void ddlAcceptsEveryTypeIncludingNestedOnes() {
    sql.ok("CREATE TABLE every (a TINYINT, b SMALLINT, c INT, d BIGINT, e FLOAT, f DOUBLE, g DECIMAL, h DECIMAL(5,1),"
        + " i VARCHAR(3), j CHAR(1), k STRING, l BINARY, m BOOLEAN, n DATE, o DATETIME, p TIMESTAMP,"
        + " q TIMESTAMP_NTZ, r JSON, s ARRAY<ARRAY<INT>>, t MAP<BIGINT,STRUCT<x:DOUBLE,`y`:ARRAY<STRING>>>,"
        + " u STRUCT<a:INT NOT NULL>, v INTERVAL_DAY_TIME, w INTERVAL_YEAR_MONTH);".replace(" NOT NULL", ""));
    var columns = sql.warehouse().table(TableId.of(P, "every")).orElseThrow().schema().columns();
    assertThat(columns).hasSize(23);
    assertThat(columns.get(19).type().typeName()).isEqualTo("MAP<BIGINT,STRUCT<x:DOUBLE,y:ARRAY<STRING>>>");
    assertThat(sql.ok("SELECT * FROM every")).isEqualTo("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w\n");
    sql.warehouse().append(TableId.of(P, "every"), PartitionSpec.empty(), List.<Object[]>of(new Object[23]));
    assertThat(sql.ok("SELECT t, s FROM every")).isEqualTo("t,s\n\\N,\\N\n");
  }

  @Test
  void timestampNtzPrintsAsStored() throws Exception {
    sql.ok("CREATE TABLE ntz (t TIMESTAMP_NTZ);");
    sql.warehouse().append(TableId.of(P, "ntz"), PartitionSpec.empty(),
        List.<Object[]>of(new Object[] {LocalDateTime.parse("2024-05-06T07:08:09")}));
    assertThat(parsed(sql.ok("SELECT t FROM ntz"))).containsExactly(List.of("2024-05-06 07:08:09"));
  }
}
