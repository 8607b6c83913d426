package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.io.CompressOption;
import dev.mcsink.conformance.AllTypesTable.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the suite's own yardsticks without a server: the sample rows are values the SDK accepts,
 * and {@link ComparableValue} calls a value equal to itself after the SDK's own encoder and decoder.
 * If this fails, a failure elsewhere says nothing about the server.
 */
class FixtureSelfCheckTest {
  private static final CompressOption RAW = new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);

  static java.util.List<Sample> samples() {
    return AllTypesTable.samples();
  }

  @ParameterizedTest(name = "SDK codec round trip: {0}")
  @MethodSource("samples")
  void samplesSurviveTheSdkCodecUnderTheComparison(Sample sample) throws Exception {
    TableSchema schema = AllTypesTable.schema();
    Record written = TunnelRows.record(new ArrayRecord(schema), sample.values());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(schema, bytes, RAW);
    writer.write(written);
    writer.close();

    ProtobufRecordStreamReader reader = new ProtobufRecordStreamReader(
        schema, null, new ByteArrayInputStream(bytes.toByteArray()), RAW);
    Record read = reader.read();
    assertThat(reader.read()).isNull();

    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < schema.getColumns().size(); i++) {
      Column c = schema.getColumn(i);
      softly.assertThat(ComparableValue.of(c.getTypeInfo(), read.get(i))).as(c.getName())
          .isEqualTo(ComparableValue.of(c.getTypeInfo(), sample.values()[i]));
    }
    softly.assertAll();
  }

  @Test
  void comparisonTellsDifferentValuesApart() {
    TableSchema schema = AllTypesTable.schema();
    Object[] typical = AllTypesTable.samples().get(0).values();
    Object[] boundary = AllTypesTable.samples().get(1).values();
    for (int i = 1; i < typical.length; i++) {
      Column c = schema.getColumn(i);
      assertThat(ComparableValue.of(c.getTypeInfo(), typical[i])).as(c.getName())
          .isNotEqualTo(ComparableValue.of(c.getTypeInfo(), boundary[i]));
    }
  }

  @Test
  void sqlTextAcceptsMaxComputeSpellingsAndRejectsOtherValues() {
    TableSchema schema = AllTypesTable.schema();
    Column timestamp = schema.getColumn("c_timestamp");
    Instant value = Instant.parse("2024-01-02T03:04:05.120Z");
    SqlText.assertShows("c_timestamp", timestamp.getTypeInfo(), value, "2024-01-02 03:04:05.12");
    SqlText.assertShows("c_timestamp", timestamp.getTypeInfo(), value, "2024-01-02 03:04:05.120000000");
    SqlText.assertShows("c_double", schema.getColumn("c_double").getTypeInfo(), Double.NaN, "NaN");
    SqlText.assertShows("c_timestamp_ntz", schema.getColumn("c_timestamp_ntz").getTypeInfo(),
        LocalDateTime.of(1, 1, 1, 0, 0), "0001-01-01 00:00:00");

    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        SqlText.assertShows("c_timestamp", timestamp.getTypeInfo(), value, "2024-01-02 03:04:05.121"))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        SqlText.assertShows("c_string", schema.getColumn("c_string").getTypeInfo(), "a", SqlRunner.NULL_TEXT))
        .isInstanceOf(AssertionError.class);
  }
}
