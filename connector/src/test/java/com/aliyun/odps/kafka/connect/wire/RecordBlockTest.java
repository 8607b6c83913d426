package com.aliyun.odps.kafka.connect.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamReader;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.IntervalDayTime;
import com.aliyun.odps.data.IntervalYearMonth;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.SimpleJsonValue;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Blocks encoded from value arrays against the SDK's own record writer and reader. */
class RecordBlockTest {
  private static final TableSchema EVERY_TYPE = everyType();

  @Test
  void uncompressedTheBytesAreTheSdkWritersBytes() throws Exception {
    List<Record> records = records();

    RecordBlock block = RecordBlock.encode(valuesOf(records), new RowEncoder(EVERY_TYPE, false), raw());

    assertThat(block.body().toByteArray()).isEqualTo(sdkWriterBytes(records));
    assertThat(block.rows()).isEqualTo(records.size());
  }

  @ParameterizedTest
  @EnumSource(value = CompressOption.CompressAlgorithm.class, names = {"ODPS_ZLIB", "ODPS_SNAPPY", "ODPS_LZ4_FRAME",
      "ODPS_ZSTD", "ODPS_RAW"})
  void everyCompressionReadsBackThroughTheSdkReaderAsTheRowsWritten(CompressOption.CompressAlgorithm algorithm)
      throws Exception {
    List<Record> records = records();
    CompressOption option = new CompressOption(algorithm, 1, 0);

    RecordBlock block = RecordBlock.encode(valuesOf(records), new RowEncoder(EVERY_TYPE, false), option);

    ProtobufRecordStreamReader reader = new ProtobufRecordStreamReader(EVERY_TYPE,
        block.body().inputStream(), option);
    for (Record expected : records) {
      Record read = reader.read();
      assertThat(read).as("a row for each written").isNotNull();
      for (int i = 0; i < EVERY_TYPE.getColumns().size(); i++) {
        assertThat(text(read.get(i))).as(EVERY_TYPE.getColumn(i).getName()).isEqualTo(text(expected.get(i)));
      }
    }
    assertThat(reader.read()).as("nothing more").isNull();
  }

  @Test
  void datesShiftedAsTheSdkDoesWhenTheSessionAsksForIt() throws Exception {
    List<Record> records = records();

    RecordBlock block = RecordBlock.encode(valuesOf(records), new RowEncoder(EVERY_TYPE, true), raw());

    ByteArrayOutputStream sdk = new ByteArrayOutputStream();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(EVERY_TYPE, sdk, raw());
    writer.setTransform(true);
    for (Record r : records) {
      writer.write(r);
    }
    writer.close();
    assertThat(block.body().toByteArray()).isEqualTo(sdk.toByteArray());
  }

  @Test
  void rowsBufferedWithoutTheDateTransformAreEncodedAgainForASessionThatWantsIt() {
    List<Object[]> values = valuesOf(records());
    EncodedRows buffered = new EncodedRows(new RowEncoder(EVERY_TYPE, false));
    values.forEach(buffered::add);

    EncodedRows again = DateTransform.reencode(buffered, EVERY_TYPE, true);

    assertThat(again.transformsDates()).isTrue();
    RecordBlock expected = RecordBlock.encode(values, new RowEncoder(EVERY_TYPE, true), raw());
    RecordBlock actual = again.block(0, again.size(), raw());
    assertThat(actual.body().toByteArray())
        .isEqualTo(expected.body().toByteArray());
  }

  @Test
  void anEmptyBlockIsTheTrailerAlone() throws Exception {
    RecordBlock block = RecordBlock.encode(List.of(), new RowEncoder(EVERY_TYPE, false), raw());

    assertThat(block.body().toByteArray()).isEqualTo(sdkWriterBytes(List.of()));
  }

  @Test
  void aRowWithMoreValuesThanColumnsIsRefused() {
    RowEncoder encoder = new RowEncoder(EVERY_TYPE, false);

    assertThatThrownBy(() -> encoder.encode(new Object[EVERY_TYPE.getColumns().size() + 1], new WireBytes(16)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A value as text; the reader gives STRING values as their UTF-8 bytes, DATETIME in UTC, DECIMAL as sent. */
  private static String text(Object value) {
    if (value instanceof byte[]) {
      return new String((byte[]) value, StandardCharsets.UTF_8);
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value instanceof ZonedDateTime ? ((ZonedDateTime) value).toInstant().toString() : String.valueOf(value);
  }

  private static CompressOption raw() {
    return new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
  }

  private static byte[] sdkWriterBytes(List<Record> records) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(EVERY_TYPE, out, raw());
    for (Record r : records) {
      writer.write(r);
    }
    writer.close();
    return out.toByteArray();
  }

  private static List<Object[]> valuesOf(List<Record> records) {
    List<Object[]> values = new ArrayList<>();
    records.forEach(r -> values.add(r.toArray().clone()));
    return values;
  }

  private static TableSchema everyType() {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("b", TypeInfoFactory.BOOLEAN));
    schema.addColumn(new Column("bi", TypeInfoFactory.BIGINT));
    schema.addColumn(new Column("i", TypeInfoFactory.INT));
    schema.addColumn(new Column("si", TypeInfoFactory.SMALLINT));
    schema.addColumn(new Column("ti", TypeInfoFactory.TINYINT));
    schema.addColumn(new Column("d", TypeInfoFactory.DOUBLE));
    schema.addColumn(new Column("f", TypeInfoFactory.FLOAT));
    schema.addColumn(new Column("s", TypeInfoFactory.STRING));
    schema.addColumn(new Column("vc", TypeInfoFactory.getVarcharTypeInfo(20)));
    schema.addColumn(new Column("c", TypeInfoFactory.getCharTypeInfo(5)));
    schema.addColumn(new Column("bin", TypeInfoFactory.BINARY));
    schema.addColumn(new Column("dec", TypeInfoFactory.getDecimalTypeInfo(20, 4)));
    schema.addColumn(new Column("dt", TypeInfoFactory.DATETIME));
    schema.addColumn(new Column("dte", TypeInfoFactory.DATE));
    schema.addColumn(new Column("ts", TypeInfoFactory.TIMESTAMP));
    schema.addColumn(new Column("ntz", TypeInfoFactory.TIMESTAMP_NTZ));
    schema.addColumn(new Column("j", TypeInfoFactory.JSON));
    schema.addColumn(new Column("arr", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.BIGINT)));
    schema.addColumn(new Column("m", TypeInfoFactory.getMapTypeInfo(TypeInfoFactory.STRING, TypeInfoFactory.DOUBLE)));
    schema.addColumn(new Column("st", structType()));
    schema.addColumn(new Column("iym", TypeInfoFactory.INTERVAL_YEAR_MONTH));
    schema.addColumn(new Column("idt", TypeInfoFactory.INTERVAL_DAY_TIME));
    return schema;
  }

  private static StructTypeInfo structType() {
    List<String> names = List.of("n", "t", "a");
    List<TypeInfo> types = List.of(TypeInfoFactory.BIGINT, TypeInfoFactory.STRING,
        TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING));
    return TypeInfoFactory.getStructTypeInfo(names, types);
  }

  /** A full row with edge values, a row of nulls, a row with negative numbers and multi-byte text, a row of long text. */
  private static List<Record> records() {
    List<Record> records = new ArrayList<>();
    Record full = new ArrayRecord(EVERY_TYPE);
    full.set("b", true);
    full.set("bi", Long.MAX_VALUE);
    full.set("i", Integer.MIN_VALUE);
    full.set("si", (short) -7);
    full.set("ti", (byte) 127);
    full.set("d", 3.25e-300);
    full.set("f", -1.5f);
    full.set("s", "hello, 世界");
    full.set("vc", new Varchar("varchar ü"));
    full.set("c", new Char("abc"));
    full.set("bin", new Binary(new byte[] {0, -1, 42}));
    full.set("dec", new BigDecimal("-12345.6789"));
    full.set("dt", ZonedDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    full.set("dte", LocalDate.of(1969, 12, 31));
    full.set("ts", Instant.ofEpochSecond(-1, 999_999_999));
    full.set("ntz", LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000));
    full.set("j", new SimpleJsonValue("{\"a\":[1,2,{\"b\":null}]}"));
    full.set("arr", Arrays.asList(1L, null, -3L));
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("x", 1.0);
    map.put("y", null);
    full.set("m", map);
    full.set("st", new SimpleStruct(structType(), Arrays.asList(5L, null, List.of("p", "q"))));
    full.set("iym", new IntervalYearMonth(2, 3));
    full.set("idt", new IntervalDayTime(-90_061, 500));
    records.add(full);
    records.add(new ArrayRecord(EVERY_TYPE));
    Record other = new ArrayRecord(EVERY_TYPE);
    other.set("b", false);
    other.set("bi", -1L);
    other.set("s", "");
    other.set("d", Double.NaN);
    other.set("arr", new ArrayList<Long>());
    other.set("dec", new BigDecimal("1E+3"));
    records.add(other);
    // ASCII text is copied straight from the string, other text through its UTF-8 bytes: a long ASCII
    // string (two-byte length), one whose first non-ASCII character comes late, and the DEL character
    Record text = new ArrayRecord(EVERY_TYPE);
    text.set("s", "x".repeat(300) + "\u007f");
    text.set("j", new SimpleJsonValue("{\"k\":\"" + "y".repeat(200) + "é\"}"));
    text.set("m", Map.of("caf" + "é".repeat(130), 2.0));
    records.add(text);
    return records;
  }
}
