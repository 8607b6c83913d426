package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.conformance.AllTypesTable.Sample;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type, written through the tunnel (batch and stream), comes back exactly: through a
 * download session and as the text a SELECT prints.
 */
class TypeRoundTripTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static final String BATCH_TABLE = UniqueNames.table("types_batch");
  private static final String STREAM_TABLE = UniqueNames.table("types_stream");

  private static Odps odps;
  private static TunnelRows rows;
  private static SqlRunner sql;

  @BeforeAll
  static void writeSamplesThroughBothUploadPaths() throws Exception {
    odps = SdkClients.odps(MC.service());
    sql = new SqlRunner(odps);
    rows = new TunnelRows(SdkClients.tunnel(odps), odps.getDefaultProject());
    sql.execute("CREATE TABLE " + BATCH_TABLE + " " + AllTypesTable.DDL_COLUMNS + ";");
    sql.execute("CREATE TABLE " + STREAM_TABLE + " " + AllTypesTable.DDL_COLUMNS + ";");
    List<Object[]> values = AllTypesTable.samples().stream().map(Sample::values).collect(Collectors.toList());
    rows.upload(BATCH_TABLE, null, values);
    rows.stream(STREAM_TABLE, null, values);
  }

  static List<Sample> samples() {
    return AllTypesTable.samples();
  }

  @ParameterizedTest(name = "batch upload then download: {0}")
  @MethodSource("samples")
  void batchUploadedRowDownloadsUnchanged(Sample sample) throws Exception {
    assertDownloadedRowEquals(BATCH_TABLE, sample);
  }

  @ParameterizedTest(name = "stream upload then download: {0}")
  @MethodSource("samples")
  void streamedRowDownloadsUnchanged(Sample sample) throws Exception {
    assertDownloadedRowEquals(STREAM_TABLE, sample);
  }

  @ParameterizedTest(name = "SELECT prints the uploaded value: {0}")
  @MethodSource("samples")
  void selectShowsTheUploadedValues(Sample sample) throws Exception {
    TableSchema schema = AllTypesTable.schema();
    List<Column> shown = new ArrayList<>();
    for (Column c : schema.getColumns()) {
      if (SqlText.isComparable(c.getTypeInfo())) {
        shown.add(c);
      }
    }
    String columns = shown.stream().map(Column::getName).collect(Collectors.joining(", "));
    List<List<String>> result = sql.query(
        "SELECT " + columns + " FROM " + BATCH_TABLE + " WHERE id = " + sample.id() + ";");

    assertThat(result).hasSize(1);
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < shown.size(); i++) {
      Column c = shown.get(i);
      int index = schema.getColumns().indexOf(c);
      Object expected = ComparableValue.of(c.getTypeInfo(), sample.values()[index]);
      String text = result.get(0).get(i);
      softly.check(() -> SqlText.assertShows(c.getName(), c.getTypeInfo(), expected, text));
    }
    softly.assertAll();
  }

  @Test
  void complexValuesAreAddressableInSql() throws Exception {
    List<List<String>> result = sql.query("SELECT size(c_array), c_array[0], c_array[1], c_array[2], "
        + "c_map['k1'], c_map['k2'], c_struct.a, c_struct.b FROM " + BATCH_TABLE + " WHERE id = 1;");

    assertThat(result).containsExactly(List.of("3", "x", SqlRunner.NULL_TEXT, "z", "1", SqlRunner.NULL_TEXT, "5", "five"));
  }

  @Test
  void emptyComplexValuesAreNotNull() throws Exception {
    List<List<String>> result = sql.query(
        "SELECT size(c_array), size(c_map), c_struct.b FROM " + BATCH_TABLE + " WHERE id = 2;");

    assertThat(result).containsExactly(List.of("0", "0", "汉字"));
  }

  @Test
  void sessionsReportEveryColumnType() throws Exception {
    TableTunnel tunnel = SdkClients.tunnel(odps);
    TableTunnel.UploadSession upload = tunnel.createUploadSession(odps.getDefaultProject(), BATCH_TABLE);
    TableTunnel.DownloadSession download = tunnel.createDownloadSession(odps.getDefaultProject(), BATCH_TABLE);

    assertThat(typeNames(upload.getSchema())).containsExactlyElementsOf(AllTypesTable.typeNames());
    assertThat(typeNames(download.getSchema())).containsExactlyElementsOf(AllTypesTable.typeNames());
    assertThat(download.getRecordCount()).isEqualTo(AllTypesTable.samples().size());
  }

  private static void assertDownloadedRowEquals(String table, Sample sample) throws Exception {
    TableSchema schema = AllTypesTable.schema();
    List<Record> downloaded = rows.download(table, null);
    List<Record> matching = downloaded.stream()
        .filter(r -> Long.valueOf(sample.id()).equals(r.get(0)))
        .collect(Collectors.toList());
    assertThat(matching).as("rows with id %s", sample.id()).hasSize(1);
    Record record = matching.get(0);

    assertThat(record.getColumnCount()).isEqualTo(schema.getColumns().size());
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < schema.getColumns().size(); i++) {
      Column c = schema.getColumn(i);
      softly.assertThat(ComparableValue.of(c.getTypeInfo(), record.get(i)))
          .as("%s (%s)", c.getName(), c.getTypeInfo().getTypeName())
          .isEqualTo(ComparableValue.of(c.getTypeInfo(), sample.values()[i]));
    }
    softly.assertAll();
  }

  static List<String> typeNames(TableSchema schema) {
    return schema.getColumns().stream().map(c -> c.getTypeInfo().getTypeName()).collect(Collectors.toList());
  }
}
