package dev.mcsink.localmc.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {
  private static final String P = "p1";
  /** 9999 years and 11 months: the widest INTERVAL_YEAR_MONTH a record stream carries. */
  private static final long MAX_INTERVAL_MONTHS = 9999L * 12 + 11;
  @TempDir
  Path dir;
  private DuckDbWarehouse warehouse;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir);
    warehouse.ensureProject(P);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private TableId table(String name, List<Column> columns, List<Column> partitions) {
    TableId id = TableId.of(P, name);
    assertThat(warehouse.createTable(id, new TableSchema(columns, partitions), "", -1)).isTrue();
    return id;
  }

  private TableId narrowPartitioned(String name) {
    return table(name, List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")), List.of(Column.of("pt", "STRING")));
  }

  private List<Object[]> scanAll(TableId id, PartitionSpec spec) {
    List<Object[]> rows = new ArrayList<>();
    warehouse.scan(id, spec, 0, Long.MAX_VALUE, List.of(), rows::add);
    return rows;
  }

  private static List<String> text(List<Object[]> rows) {
    return rows.stream().map(DuckDbWarehouseTest::deep).collect(Collectors.toList());
  }

  /** Text of a value that shows byte arrays' contents at any depth (in lists and maps too). */
  private static String deep(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(DuckDbWarehouseTest::deep).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(DuckDbWarehouseTest::deep).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> deep(e.getKey()) + "=" + deep(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private static Object[] row(Object... values) {
    return values;
  }

  private static List<Object[]> idRows(long from, long to) {
    return LongStream.range(from, to).mapToObj(i -> row(i, "v" + i)).collect(Collectors.toList());
  }

  @Test
  void everyTypeRoundTripsExactlyThroughBlocksAndScan() {
    List<Column> columns = List.of(Column.of("c_bigint", "BIGINT"), Column.of("c_int", "INT"),
        Column.of("c_smallint", "SMALLINT"), Column.of("c_tinyint", "TINYINT"), Column.of("c_double", "DOUBLE"),
        Column.of("c_float", "FLOAT"), Column.of("c_boolean", "BOOLEAN"), Column.of("c_string", "STRING"),
        Column.of("c_varchar", "VARCHAR(10)"), Column.of("c_char", "CHAR(3)"), Column.of("c_json", "JSON"),
        Column.of("c_binary", "BINARY"), Column.of("c_dec", "DECIMAL(38,18)"), Column.of("c_legacy", "DECIMAL"),
        Column.of("c_date", "DATE"), Column.of("c_datetime", "DATETIME"), Column.of("c_ts", "TIMESTAMP"),
        Column.of("c_ntz", "TIMESTAMP_NTZ"), Column.of("c_idt", "INTERVAL_DAY_TIME"),
        Column.of("c_iym", "INTERVAL_YEAR_MONTH"), Column.of("c_array", "ARRAY<STRING>"),
        Column.of("c_map", "MAP<STRING,BIGINT>"), Column.of("c_struct", "STRUCT<a:INT,b:STRING>"),
        Column.of("c_nested", "ARRAY<STRUCT<d:DOUBLE,t:TIMESTAMP,m:MAP<BIGINT,ARRAY<BINARY>>,x:DECIMAL(5,2)>>"));
    TableId id = table("all_types", columns, List.of());
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("z", Long.MAX_VALUE);
    map.put("a", null);
    // blocks arrive as record streams: BIGINT and INTERVAL_YEAR_MONTH at the wire's limits (storage's: below)
    map.put("", Long.MIN_VALUE + 1);
    Map<Long, List<byte[]>> innerMap = new LinkedHashMap<>();
    innerMap.put(-1L, Arrays.asList(new byte[] {0, (byte) 255}, null));
    Object[] max = row(Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE, Double.MAX_VALUE,
        Float.MAX_VALUE, true, "héllo, \"world\"\n\u0000end", "0123456789", "abc", "{\"k\":[1,2]}",
        new byte[] {0, 1, (byte) 0xff, '='}, new BigDecimal("99999999999999999999.999999999999999999"),
        new BigDecimal("-123456789012345678901234567890123456.123456789012345678"), LocalDate.of(9999, 12, 31),
        Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("2262-04-11T23:47:16.854775806Z"),
        LocalDateTime.parse("2262-04-11T23:47:16.854775806"), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
        MAX_INTERVAL_MONTHS, Arrays.asList("a", null, ""), map, Arrays.asList(7, "x"),
        List.of(Arrays.asList(Double.NaN, Instant.parse("2024-02-29T12:00:00.123456789Z"), innerMap,
            new BigDecimal("-999.99"))));
    Object[] min = row(Long.MIN_VALUE + 1, Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE, -Double.MIN_VALUE,
        Float.NEGATIVE_INFINITY, false, "", "", "", "null", new byte[0], new BigDecimal("-0.000000000000000001"),
        new BigDecimal("0.000000000000000001"), LocalDate.of(1, 1, 1), Instant.parse("0001-01-01T00:00:00Z"),
        Instant.parse("1677-09-21T00:12:43.145224194Z"), LocalDateTime.parse("1677-09-21T00:12:43.145224194"),
        Duration.ofSeconds(Long.MIN_VALUE, 0), -MAX_INTERVAL_MONTHS, List.of(), Map.of(), Arrays.asList(null, null),
        List.of(Arrays.asList(Double.NEGATIVE_INFINITY, null, Map.of(), null)));
    Object[] nulls = new Object[columns.size()];
    Object[] nan = min.clone();
    nan[4] = Double.NaN;
    nan[5] = Float.NaN;
    nan[12] = new BigDecimal("0E-18");

    UploadStage stage = warehouse.openUploadStage("u1", id, PartitionSpec.empty(), false);
    stage.writeBlock(0, RecordStreams.of(stage, List.of(max, min)));
    stage.writeBlock(1, RecordStreams.of(stage, List.of(nulls, nan)));
    stage.commit(List.of(0L, 1L));

    List<Object[]> back = scanAll(id, PartitionSpec.empty());
    assertThat(text(back)).containsExactly(deep(max), deep(min), deep(nulls), deep(nan));
    for (int i = 0; i < columns.size(); i++) {
      if (max[i] != null) {
        assertThat(back.get(0)[i]).as(columns.get(i).name()).isInstanceOf(max[i].getClass().isArray()
            ? byte[].class : max[i] instanceof List ? List.class : max[i] instanceof Map ? Map.class : max[i].getClass());
      }
    }
    assertThat((byte[]) back.get(0)[11]).containsExactly(0, 1, 0xff, '=');
    assertThat(((BigDecimal) back.get(1)[13]).scale()).isEqualTo(18);
    assertThat(new ArrayList<Object>(((Map<?, ?>) back.get(0)[21]).keySet())).containsExactly("z", "a", "");
  }

  @Test
  void valuesBeyondTheWireLimitsRoundTripThroughAppend() {
    TableId id = table("extremes", List.of(Column.of("b", "BIGINT"), Column.of("iym", "INTERVAL_YEAR_MONTH"),
        Column.of("m", "MAP<STRING,BIGINT>")), List.of());
    warehouse.append(id, PartitionSpec.empty(), List.<Object[]>of(row(Long.MIN_VALUE, Long.MIN_VALUE,
        Map.of("", Long.MIN_VALUE)), row(Long.MAX_VALUE, Long.MAX_VALUE, Map.of("z", Long.MAX_VALUE))));
    assertThat(text(scanAll(id, PartitionSpec.empty()))).containsExactly(
        "[" + Long.MIN_VALUE + ", " + Long.MIN_VALUE + ", {=" + Long.MIN_VALUE + "}]",
        "[" + Long.MAX_VALUE + ", " + Long.MAX_VALUE + ", {z=" + Long.MAX_VALUE + "}]");
  }

  @Test
  void decimalTakesTheColumnScaleAndRejectsOverflow() {
    TableId id = table("dec", List.of(Column.of("d", "DECIMAL(5,2)")), List.of());
    warehouse.append(id, PartitionSpec.empty(), List.<Object[]>of(row(new BigDecimal("1.5")), row(new BigDecimal("1.005"))));
    assertThat(text(scanAll(id, PartitionSpec.empty()))).containsExactly("[1.50]", "[1.01]");
    assertThatThrownBy(() -> warehouse.append(id, PartitionSpec.empty(), List.<Object[]>of(row(new BigDecimal("1000")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d").hasMessageContaining("DECIMAL(5,2)");
  }

  @Test
  void timestampsOutsideTheNanosecondRangeAreRejectedNamingColumnAndValue() throws IOException {
    TableId id = table("ts", List.of(Column.of("id", "BIGINT"), Column.of("t", "TIMESTAMP")), List.of());
    UploadStage stage = warehouse.openUploadStage("u", id, PartitionSpec.empty(), false);
    Instant tooEarly = Instant.parse("0001-01-01T00:00:00Z");
    assertThatThrownBy(() -> stage.writeBlock(0, RecordStreams.of(stage, List.of(row(1L, Instant.EPOCH), row(2L, tooEarly)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t").hasMessageContaining("0001-01-01");
    assertThat(stage.blocks()).isEmpty();
    assertThat(blockFiles("u")).isEmpty();
    stage.writeBlock(0, RecordStreams.of(stage, List.<Object[]>of(row(1L, Instant.EPOCH))));
    stage.commit(List.of(0L));
    assertThat(warehouse.rowCount(id, PartitionSpec.empty())).isEqualTo(1);
  }

  @Test
  void aBlockKeepsOneFileUntilItsUploadEndsAndStrayFilesGoOnOpen() throws IOException {
    TableId id = table("files", List.of(Column.of("id", "BIGINT"), Column.of("v", "STRING")), List.of());
    UploadStage stage = warehouse.openUploadStage("u1", id, PartitionSpec.empty(), false);
    stage.writeBlock(0, RecordStreams.of(stage, idRows(0, 2)));
    stage.writeBlock(1, RecordStreams.of(stage, idRows(2, 3)));
    stage.writeBlock(0, RecordStreams.of(stage, idRows(10, 11)));
    assertThat(blockFiles("u1")).hasSize(2);
    Path stray = Files.createDirectories(dir.resolve("blocks").resolve("gone")).resolve("0-x.rows");
    Files.write(stray, new byte[] {1});
    Files.write(dir.resolve("blocks").resolve("u1").resolve("7-x.rows"), new byte[] {1});
    warehouse.close();

    warehouse = DuckDbWarehouse.open(dir);
    assertThat(stray).doesNotExist();
    assertThat(blockFiles("u1")).hasSize(2);
    warehouse.uploadStage("u1").orElseThrow().commit(List.of(1L, 0L));
    assertThat(text(scanAll(id, PartitionSpec.empty()))).containsExactly("[2, v2]", "[10, v10]");
    assertThat(dir.resolve("blocks").resolve("u1")).doesNotExist();
  }

  @Test
  void stagingTablesOfEarlierVersionsAreDroppedOnOpenAndTheTablesStay() throws Exception {
    TableId id = table("legacy", List.of(Column.of("id", "BIGINT"), Column.of("v", "STRING")), List.of());
    warehouse.append(id, PartitionSpec.empty(), idRows(0, 2));
    warehouse.close();
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
         java.sql.Statement statement = c.createStatement()) {
      statement.execute("CREATE TABLE data.s1 (__mc_upload VARCHAR, __mc_block BIGINT, __mc_row BIGINT, id BIGINT)");
    }

    warehouse = DuckDbWarehouse.open(dir);
    assertThat(text(scanAll(id, PartitionSpec.empty()))).containsExactly("[0, v0]", "[1, v1]");
    warehouse.close();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
         java.sql.Statement statement = c.createStatement();
         java.sql.ResultSet tables = statement.executeQuery(
             "SELECT table_name FROM information_schema.tables WHERE table_schema = 'data' ORDER BY 1")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names).doesNotContain("s1").isNotEmpty();
    }
    warehouse = DuckDbWarehouse.open(dir);
  }

  private List<Path> blockFiles(String uploadId) throws IOException {
    Path upload = dir.resolve("blocks").resolve(uploadId);
    if (!Files.isDirectory(upload)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(upload)) {
      return files.toList();
    }
  }

  @Test
  void wrongJavaValueTypeIsRejected() {
    TableId id = table("wrong", List.of(Column.of("n", "INT")), List.of());
    assertThatThrownBy(() -> warehouse.append(id, PartitionSpec.empty(), List.<Object[]>of(row("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n").hasMessageContaining("INT");
    assertThatThrownBy(() -> warehouse.append(id, PartitionSpec.empty(), List.<Object[]>of(row(1, 2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(warehouse.rowCount(id, PartitionSpec.empty())).isZero();
  }

  @Test
  void blocksAreInvisibleUntilCommitAndAResentBlockReplacesTheFirst() {
    TableId id = narrowPartitioned("t");
    PartitionSpec pt = PartitionSpec.parse("pt='a'");
    warehouse.createPartition(id, pt);
    UploadStage stage = warehouse.openUploadStage("u1", id, pt, false);
    stage.writeBlock(1, RecordStreams.of(stage, idRows(0, 3)));
    stage.writeBlock(2, RecordStreams.of(stage, idRows(3, 5)));
    stage.writeBlock(1, RecordStreams.of(stage, idRows(100, 102)));
    stage.writeBlock(3, RecordStreams.of(stage, idRows(200, 201)));
    assertThat(warehouse.rowCount(id, pt)).isZero();
    assertThat(stage.blocks()).extracting(BlockInfo::blockId, BlockInfo::recordCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2L), org.assertj.core.groups.Tuple.tuple(2L, 2L),
            org.assertj.core.groups.Tuple.tuple(3L, 1L));

    stage.commit(List.of(2L, 1L));

    assertThat(text(scanAll(id, pt))).containsExactly("[3, v3]", "[4, v4]", "[100, v100]", "[101, v101]");
    assertThat(warehouse.uploadStage("u1")).isEmpty();
    assertThat(warehouse.partition(id, pt).orElseThrow().recordCount()).isEqualTo(4);
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(4);
  }

  @Test
  void blocksOfUnequalSizesKeepCommitListOrderAcrossCommits() {
    TableId id = table("order", List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")), List.of());
    UploadStage first = warehouse.openUploadStage("u1", id, PartitionSpec.empty(), false);
    first.writeBlock(1, RecordStreams.of(first, idRows(10, 13)));
    first.writeBlock(2, RecordStreams.of(first, idRows(20, 21)));
    first.writeBlock(3, RecordStreams.of(first, idRows(30, 32)));
    first.commit(List.of(3L, 1L, 3L, 2L)); // a block listed twice counts once, at its first place
    UploadStage second = warehouse.openUploadStage("u2", id, PartitionSpec.empty(), false);
    second.writeBlock(5, RecordStreams.of(second, idRows(50, 52)));
    second.writeBlock(4, RecordStreams.of(second, idRows(40, 41)));
    second.commit(List.of(4L, 5L));

    assertThat(scanAll(id, PartitionSpec.empty())).extracting(row -> row[0]).containsExactly(30L, 31L, 10L, 11L,
        12L, 20L, 40L, 50L, 51L);
  }

  @Test
  void commitOfAnUnknownBlockChangesNothing() {
    TableId id = table("plain", List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")), List.of());
    UploadStage stage = warehouse.openUploadStage("u1", id, PartitionSpec.empty(), false);
    stage.writeBlock(0, RecordStreams.of(stage, idRows(0, 2)));
    assertThatThrownBy(() -> stage.commit(List.of(0L, 9L))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9");
    assertThat(warehouse.rowCount(id, PartitionSpec.empty())).isZero();
    assertThat(warehouse.uploadStage("u1")).isPresent();
    stage.commit(List.of(0L));
    assertThat(warehouse.rowCount(id, PartitionSpec.empty())).isEqualTo(2);
  }

  @Test
  void discardForgetsTheStageAndItsRows() {
    TableId id = table("plain", List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")), List.of());
    UploadStage stage = warehouse.openUploadStage("u1", id, PartitionSpec.empty(), false);
    stage.writeBlock(0, RecordStreams.of(stage, idRows(0, 5)));
    stage.discard();
    assertThat(warehouse.uploadStage("u1")).isEmpty();
    assertThatThrownBy(() -> stage.commit(List.of(0L))).isInstanceOf(NotFoundException.class);
    assertThat(warehouse.rowCount(id, PartitionSpec.empty())).isZero();
  }

  @Test
  void overwriteUploadReplacesThePartitionRows() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    PartitionSpec b = PartitionSpec.parse("pt=b");
    warehouse.createPartition(id, a);
    warehouse.createPartition(id, b);
    warehouse.append(id, a, idRows(0, 3));
    warehouse.append(id, b, idRows(0, 2));
    UploadStage stage = warehouse.openUploadStage("u", id, a, true);
    stage.writeBlock(0, RecordStreams.of(stage, idRows(10, 11)));
    stage.commit(List.of(0L));
    assertThat(text(scanAll(id, a))).containsExactly("[10, v10]");
    assertThat(warehouse.rowCount(id, b)).isEqualTo(2);
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(3);
  }

  @Test
  void writesToAMissingPartitionOrTableAreNotFound() {
    TableId id = narrowPartitioned("t");
    assertThatThrownBy(() -> warehouse.append(id, PartitionSpec.parse("pt=x"), idRows(0, 1)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("pt='x'");
    assertThatThrownBy(() -> warehouse.openUploadStage("u", id, PartitionSpec.parse("pt=x"), false))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> warehouse.append(id, PartitionSpec.parse("dt=x"), idRows(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dt");
    assertThatThrownBy(() -> warehouse.rowCount(TableId.of(P, "nosuch"), PartitionSpec.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void scanHonoursRangeProjectionAndPartialPartitionSpecs() {
    TableId id = table("two", List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")),
        List.of(Column.of("pt", "STRING"), Column.of("dt", "STRING")));
    PartitionSpec a1 = PartitionSpec.parse("dt=1,pt=a");
    PartitionSpec a2 = PartitionSpec.parse("pt=a/dt=2");
    warehouse.createPartition(id, a1);
    warehouse.createPartition(id, a2);
    warehouse.append(id, a2, idRows(0, 5));
    warehouse.append(id, a1, idRows(5, 10));
    List<Object[]> rows = new ArrayList<>();
    warehouse.scan(id, PartitionSpec.parse("pt=a"), 3, 4, List.of("S"), rows::add);
    assertThat(text(rows)).containsExactly("[v3]", "[v4]", "[v5]", "[v6]");
    assertThat(warehouse.rowCount(id, PartitionSpec.parse("pt=a"))).isEqualTo(10);
    assertThat(warehouse.rowCount(id, a1)).isEqualTo(5);
    rows.clear();
    warehouse.scan(id, a1, 4, 10, List.of("s", "id"), rows::add);
    assertThat(text(rows)).containsExactly("[v9, 9]");
    assertThat(warehouse.partitions(id).stream().map(p -> p.spec().toPathName()).collect(Collectors.toList()))
        .containsExactly("pt=a/dt=1", "pt=a/dt=2");
    assertThatThrownBy(() -> warehouse.scan(id, a1, 0, 1, List.of("nope"), r -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void statisticsFollowWrites() throws Exception {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    assertThat(warehouse.createPartition(id, a)).isTrue();
    assertThat(warehouse.createPartition(id, a)).isFalse();
    PartitionInfo before = warehouse.partition(id, a).orElseThrow();
    assertThat(before.recordCount()).isZero();
    long t0 = System.currentTimeMillis();
    warehouse.append(id, a, idRows(0, 10));
    PartitionInfo after = warehouse.partition(id, a).orElseThrow();
    assertThat(after.recordCount()).isEqualTo(10);
    assertThat(after.sizeBytes()).isPositive();
    assertThat(after.lastModifiedTimeMillis()).isGreaterThanOrEqualTo(t0);
    TableInfo table = warehouse.table(id).orElseThrow();
    assertThat(table.recordCount()).isEqualTo(10);
    assertThat(table.lastModifiedTimeMillis()).isGreaterThanOrEqualTo(t0);
    assertThat(warehouse.tables(P, "default").stream().map(t -> t.id().table()).collect(Collectors.toList()))
        .containsExactly("t");
  }

  @Test
  void insertCreatesMissingPartitionsAndOverwriteReplacesOnlyTheListedOnes() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    PartitionSpec b = PartitionSpec.parse("pt=b");
    warehouse.insert(id, Map.of(a, idRows(0, 3), b, idRows(10, 12)), false);
    assertThat(warehouse.partitions(id)).hasSize(2);
    warehouse.insert(id, Map.of(a, idRows(20, 21)), true);
    assertThat(text(scanAll(id, a))).containsExactly("[20, v20]");
    assertThat(text(scanAll(id, b))).containsExactly("[10, v10]", "[11, v11]");
    assertThat(warehouse.partition(id, a).orElseThrow().recordCount()).isEqualTo(1);
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(3);
    warehouse.insert(id, Map.of(b, List.of()), true);
    assertThat(scanAll(id, b)).isEmpty();
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(1);
  }

  @Test
  void aRejectedInsertWritesNothing() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.insert(id, Map.of(a, idRows(0, 2)), false);
    assertThatThrownBy(() -> warehouse.insert(id, Map.of(a, List.of(row(1L, "x"), row("bad", "y"))), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(text(scanAll(id, a))).containsExactly("[0, v0]", "[1, v1]");
    assertThat(warehouse.table(id).orElseThrow().recordCount()).isEqualTo(2);
  }

  @Test
  void addedColumnsGoLastAndEarlierRowsReadNull() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.insert(id, Map.of(a, idRows(0, 1)), false);
    long ddlBefore = warehouse.table(id).orElseThrow().lastDdlTimeMillis();

    warehouse.addColumns(id, List.of(Column.of("extra", "DOUBLE"), Column.of("tags", "ARRAY<STRING>")));

    TableInfo table = warehouse.table(id).orElseThrow();
    assertThat(table.schema().columns().stream().map(Column::name)).containsExactly("id", "s", "extra", "tags");
    assertThat(table.lastDdlTimeMillis()).isGreaterThanOrEqualTo(ddlBefore);
    warehouse.append(id, a, List.<Object[]>of(row(1L, "v1", 2.5, List.of("x"))));
    assertThat(text(scanAll(id, a))).containsExactly("[0, v0, null, null]", "[1, v1, 2.5, [x]]");
    assertThatThrownBy(() -> warehouse.addColumns(id, List.of(Column.of("pt", "STRING"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pt");
  }

  @Test
  void anUploadBegunBeforeColumnsWereAddedKeepsItsSchemaAndCommitsNullsInThem() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.createPartition(id, a);
    UploadStage before = warehouse.openUploadStage("u1", id, a, false);
    before.writeBlock(0, RecordStreams.of(before, idRows(0, 1)));

    warehouse.addColumns(id, List.of(Column.of("extra", "BIGINT")));
    before.writeBlock(1, RecordStreams.of(before, idRows(1, 2)));
    UploadStage after = warehouse.openUploadStage("u2", id, a, false);
    after.writeBlock(0, RecordStreams.of(after, List.<Object[]>of(row(2L, "v2", 20L))));
    before.commit(List.of(0L, 1L));
    after.commit(List.of(0L));

    assertThat(before.schema().columns()).hasSize(2);
    assertThat(after.schema().columns()).hasSize(3);
    assertThat(text(scanAll(id, a))).containsExactly("[0, v0, null]", "[1, v1, null]", "[2, v2, 20]");
  }

  @Test
  void addedColumnsAndTheSchemaOfOpenUploadsSurviveARestart() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.createPartition(id, a);
    UploadStage stage = warehouse.openUploadStage("u1", id, a, false);
    stage.writeBlock(0, RecordStreams.of(stage, idRows(0, 1)));
    warehouse.addColumns(id, List.of(Column.of("extra", "BIGINT")));
    warehouse.close();

    warehouse = DuckDbWarehouse.open(dir);
    UploadStage reopened = warehouse.uploadStage("u1").orElseThrow();
    assertThat(reopened.schema().columns()).hasSize(2);
    reopened.commit(List.of(0L));
    assertThat(warehouse.table(id).orElseThrow().schema().columns()).hasSize(3);
    assertThat(text(scanAll(id, a))).containsExactly("[0, v0, null]");
  }

  @Test
  void everythingSurvivesARestartIncludingOpenStages() {
    TableId id = narrowPartitioned("t");
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.createPartition(id, a);
    warehouse.append(id, a, idRows(0, 3));
    UploadStage stage = warehouse.openUploadStage("u-open", id, a, false);
    stage.writeBlock(7, RecordStreams.of(stage, idRows(3, 5)));
    warehouse.close();

    warehouse = DuckDbWarehouse.open(dir);
    assertThat(warehouse.project(P)).isPresent();
    assertThat(warehouse.table(id).orElseThrow().schema().partitionColumns()).extracting(Column::name)
        .containsExactly("pt");
    assertThat(warehouse.partitions(id)).hasSize(1);
    UploadStage reopened = warehouse.uploadStage("u-open").orElseThrow();
    assertThat(reopened.partition()).isEqualTo(a);
    assertThat(reopened.blocks()).extracting(BlockInfo::blockId).containsExactly(7L);
    reopened.commit(List.of(7L));
    warehouse.append(id, a, idRows(5, 6));
    assertThat(text(scanAll(id, a))).containsExactly("[0, v0]", "[1, v1]", "[2, v2]", "[3, v3]", "[4, v4]",
        "[5, v5]");
  }

  @Test
  void concurrentAppendsAndCommitsKeepExactCounts() throws Exception {
    TableId shared = narrowPartitioned("shared");
    TableId other = table("other", List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING")), List.of());
    PartitionSpec a = PartitionSpec.parse("pt=a");
    warehouse.createPartition(shared, a);
    int threads = 6;
    int rounds = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int r = 0; r < rounds; r++) {
            warehouse.append(shared, a, idRows(0, 10));
            UploadStage stage = warehouse.openUploadStage("u-" + thread + "-" + r, thread % 2 == 0 ? shared : other,
                thread % 2 == 0 ? a : PartitionSpec.empty(), false);
            stage.writeBlock(0, RecordStreams.of(stage, idRows(0, 20)));
            stage.writeBlock(1, RecordStreams.of(stage, idRows(0, 5)));
            stage.commit(List.of(0L, 1L));
            warehouse.append(other, PartitionSpec.empty(), idRows(0, 3));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long sharedExpected = threads * rounds * 10L + (threads / 2) * rounds * 25L;
    long otherExpected = threads * rounds * 3L + (threads / 2) * rounds * 25L;
    assertThat(warehouse.rowCount(shared, PartitionSpec.empty())).isEqualTo(sharedExpected);
    assertThat(warehouse.rowCount(other, PartitionSpec.empty())).isEqualTo(otherExpected);
    assertThat(warehouse.table(shared).orElseThrow().recordCount()).isEqualTo(sharedExpected);
    assertThat(warehouse.partition(shared, a).orElseThrow().recordCount()).isEqualTo(sharedExpected);
    assertThat(warehouse.table(other).orElseThrow().recordCount()).isEqualTo(otherExpected);
    List<Object[]> rows = new ArrayList<>();
    warehouse.scan(other, PartitionSpec.empty(), 0, otherExpected, List.of("id"), rows::add);
    assertThat(rows).hasSize((int) otherExpected);
  }
}
