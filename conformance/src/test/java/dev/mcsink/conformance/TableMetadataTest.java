package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.Partition;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.Column;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.type.TypeInfoFactory;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Table and partition metadata as {@link Table} and {@link Partition} read it. */
class TableMetadataTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  /** Metadata times are epoch seconds: allow the truncation and a little clock skew. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);
  private final TunnelRows rows = new TunnelRows(SdkClients.tunnel(odps), odps.getDefaultProject());

  @Test
  void reloadReadsSchemaCommentsAndLifecycle() throws Exception {
    String name = UniqueNames.table("meta");
    sql.execute("CREATE TABLE " + name + " (id BIGINT COMMENT 'key', score DOUBLE, tags MAP<STRING,BIGINT>)"
        + " COMMENT 'metadata under test' PARTITIONED BY (pt STRING COMMENT 'day') LIFECYCLE 30;");

    Table table = odps.tables().get(name);
    table.reload();

    assertThat(table.getName()).isEqualTo(name);
    assertThat(table.getProject()).isEqualTo(odps.getDefaultProject());
    assertThat(table.getComment()).isEqualTo("metadata under test");
    assertThat(table.getLife()).isEqualTo(30L);
    assertThat(table.isVirtualView()).isFalse();
    assertThat(table.isPartitioned()).isTrue();
    TableSchema schema = table.getSchema();
    assertThat(SqlDdlTest.columnNames(schema.getColumns())).containsExactly("id", "score", "tags");
    assertThat(TypeRoundTripTest.typeNames(schema)).containsExactly("BIGINT", "DOUBLE", "MAP<STRING,BIGINT>");
    assertThat(schema.getColumn("id").getComment()).isEqualTo("key");
    assertThat(SqlDdlTest.columnNames(schema.getPartitionColumns())).containsExactly("pt");
    assertThat(schema.getPartitionColumns().get(0).getComment()).isEqualTo("day");
  }

  @Test
  void creationAndModificationTimesFollowTheWrites() throws Exception {
    Instant before = Instant.now();
    String name = UniqueNames.table("times");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");
    rows.upload(name, null, TunnelRows.ids(1, 2, 3));
    Instant after = Instant.now();

    Table table = odps.tables().get(name);
    table.reload();

    assertThat(table.getCreatedTime().toInstant()).isBetween(before.minus(SLACK), after.plus(SLACK));
    assertThat(table.getLastMetaModifiedTime().toInstant()).isBetween(before.minus(SLACK), after.plus(SLACK));
    assertThat(table.getLastDataModifiedTime().toInstant())
        .isBetween(table.getCreatedTime().toInstant().minus(SLACK), after.plus(SLACK));
  }

  @Test
  void recordCountAndSizeOfANonPartitionedTable() throws Exception {
    String name = UniqueNames.table("counted");
    sql.execute("CREATE TABLE " + name + " (id BIGINT, s STRING);");
    rows.upload(name, null, TunnelRows.rows(
        new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"}));

    Table table = odps.tables().get(name);
    table.reload();

    assertThat(table.getRecordNum()).isEqualTo(3L);
    assertThat(table.getSize()).isPositive();
  }

  @Test
  void existsAnswersForPresentAndMissingTables() throws Exception {
    String name = UniqueNames.table("present");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");

    assertThat(odps.tables().exists(name)).isTrue();
    assertThat(odps.tables().exists(odps.getDefaultProject(), name)).isTrue();
    assertThat(odps.tables().exists("missing_" + name)).isFalse();
    assertThatThrownBy(() -> odps.tables().get("missing_" + name).reload())
        .isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void tableNamesAreCaseInsensitive() throws Exception {
    String name = UniqueNames.table("mixed");
    sql.execute("CREATE TABLE " + name.toUpperCase() + " (id BIGINT);");

    assertThat(odps.tables().exists(name)).isTrue();
    Table table = odps.tables().get(name.toUpperCase());
    table.reload();
    assertThat(table.getName()).isEqualToIgnoringCase(name);
  }

  @Test
  void nonPartitionedTableIsNotPartitioned() throws Exception {
    String name = UniqueNames.table("flat");
    sql.execute("CREATE TABLE " + name + " (id BIGINT);");

    Table table = odps.tables().get(name);
    table.reload();
    assertThat(table.isPartitioned()).isFalse();
    assertThat(table.getSchema().getPartitionColumns()).isEmpty();
  }

  @Test
  void partitionReloadReadsItsMetadata() throws Exception {
    String name = UniqueNames.table("part_meta");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    PartitionSpec spec = TunnelRows.spec("pt", "20240101", "region", "eu");
    Instant before = Instant.now();
    Table table = odps.tables().get(name);
    table.createPartition(spec);
    rows.upload(name, spec, TunnelRows.ids(1, 2));
    Instant after = Instant.now();

    assertThat(table.hasPartition(spec)).isTrue();
    Partition partition = table.getPartition(spec);
    partition.reload();
    assertThat(partition.getPartitionSpec().get("pt")).isEqualTo("20240101");
    assertThat(partition.getPartitionSpec().get("region")).isEqualTo("eu");
    assertThat(partition.getCreatedTime().toInstant()).isBetween(before.minus(SLACK), after.plus(SLACK));
    assertThat(partition.getLastDataModifiedTime().toInstant()).isBetween(before.minus(SLACK), after.plus(SLACK));
    assertThat(partition.getSize()).isPositive();
  }

  @Test
  void missingPartitionIsReportedAsMissing() throws Exception {
    String name = UniqueNames.table("no_part");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING);");
    Table table = odps.tables().get(name);
    table.createPartition(TunnelRows.spec("pt", "present"));
    PartitionSpec missing = TunnelRows.spec("pt", "absent");

    assertThat(table.hasPartition(missing)).isFalse();
    assertThatThrownBy(() -> table.getPartition(missing).reload()).isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void partitionListingPagesThroughManyPartitions() throws Exception {
    String name = UniqueNames.table("many_parts");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING);");
    List<String> expected = new ArrayList<>();
    StringBuilder ddl = new StringBuilder("ALTER TABLE " + name + " ADD");
    for (int i = 1; i <= 12; i++) {
      String value = String.format("2024%02d01", i);
      expected.add(value);
      ddl.append(" PARTITION (pt='").append(value).append("')");
    }
    sql.execute(ddl.append(";").toString());
    Table table = odps.tables().get(name);

    // Five per request: the SDK follows the marker over three pages.
    List<String> paged = values(table.getPartitionIterator(null, false, 5L, null), "pt");
    List<String> all = values(table.getPartitions().iterator(), "pt");

    assertThat(paged).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void partitionListingFiltersOnALeadingSpec() throws Exception {
    String name = UniqueNames.table("nested_parts");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='a', region='eu') PARTITION (pt='a', region='us')"
        + " PARTITION (pt='b', region='eu');");
    Table table = odps.tables().get(name);

    List<Partition> underA = new ArrayList<>();
    table.getPartitionIterator(TunnelRows.spec("pt", "a"), false, 1L, null).forEachRemaining(underA::add);

    assertThat(underA).extracting(p -> p.getPartitionSpec().get("pt")).containsOnly("a");
    assertThat(underA).extracting(p -> p.getPartitionSpec().get("region")).containsExactlyInAnyOrder("eu", "us");
  }

  @Test
  void partitionSpecListingNamesEveryPartition() throws Exception {
    String name = UniqueNames.table("spec_names");
    sql.execute("CREATE TABLE " + name + " (id BIGINT) PARTITIONED BY (pt STRING, region STRING);");
    sql.execute("ALTER TABLE " + name + " ADD PARTITION (pt='2', region='x') PARTITION (pt='1', region='y');");

    List<String> specs = odps.tables().get(name).getPartitionSpecs().stream()
        .map(s -> s.toString(false, true)).collect(Collectors.toList());

    assertThat(specs).containsExactly("pt=1/region=y", "pt=2/region=x");
  }

  @Test
  void tablesLiveInANonDefaultSchema() throws Exception {
    String project = odps.getDefaultProject();
    String schemaName = "conformance_schema";
    Map<String, String> schemaHints = Map.of("odps.namespace.schema", "true");
    SQLTask.run(odps, project, "CREATE SCHEMA IF NOT EXISTS " + schemaName + ";", schemaHints, null)
        .waitForSuccess(50);
    String name = UniqueNames.table("in_schema");
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT));

    odps.tables().newTableCreator(project, name, schema).withSchemaName(schemaName).create();

    assertThat(odps.tables().exists(project, schemaName, name)).isTrue();
    assertThat(odps.tables().exists(project, name)).as("same name in the default schema").isFalse();
    Table table = odps.tables().get(project, schemaName, name);
    table.reload();
    assertThat(table.getSchemaName()).isEqualTo(schemaName);
    assertThat(TypeRoundTripTest.typeNames(table.getSchema())).containsExactly("BIGINT");

    TableTunnel tunnel = SdkClients.tunnel(odps);
    TableTunnel.UploadSession upload = tunnel.createUploadSession(project, schemaName, name, false);
    try (com.aliyun.odps.data.RecordWriter writer = upload.openRecordWriter(0)) {
      writer.write(TunnelRows.record(upload.newRecord(), new Object[] {7L}));
    }
    upload.commit(new Long[] {0L});
    TableTunnel.DownloadSession download = tunnel.buildDownloadSession(project, name).setSchemaName(schemaName).build();
    assertThat(TunnelRows.read(download, 0, download.getRecordCount()))
        .extracting(r -> r.getBigint(0)).containsExactly(7L);
  }

  private static List<String> values(Iterator<Partition> partitions, String key) {
    List<String> values = new ArrayList<>();
    partitions.forEachRemaining(p -> values.add(p.getPartitionSpec().get(key)));
    return values;
  }
}
