package dev.mcsink.localmc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.commons.util.DateUtils;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.IntervalDayTime;
import dev.mcsink.localmc.types.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the SDK puts on the wire for values whose meaning is not obvious, and how we read it. */
class SdkValueSemanticsTest {

  private static byte[] sdkWriteOne(List<Column> columns, Consumer<ArrayRecord> fill, boolean transform)
      throws IOException {
    TableSchema schema = SdkBridge.schema(columns);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(schema, body, SdkBridge.compressOption(null));
    writer.setTransform(transform);
    ArrayRecord record = new ArrayRecord(schema);
    fill.accept(record);
    writer.write(record);
    writer.close();
    return body.toByteArray();
  }

  private static Object readOne(byte[] body, List<Column> columns) throws IOException {
    return RecordStreamSdkCompatibilityTest.readAll(body, null, columns).get(0)[0];
  }

  @Test
  void decimalIsSentUnroundedAndStoredRoundedHalfUpToTheScale() throws IOException {
    List<Column> columns = List.of(Column.of("d", "DECIMAL(10,2)"));
    byte[] body = sdkWriteOne(columns, r -> r.setDecimal(0, new BigDecimal("1.005")), false);

    assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("1.005");
    assertThat(readOne(body, columns)).isEqualTo(new BigDecimal("1.01"));
  }

  @Test
  void legacyDecimalKeepsItsOwnScaleUpTo18() throws IOException {
    List<Column> columns = List.of(Column.of("d", "DECIMAL"));

    assertThat(readOne(sdkWriteOne(columns, r -> r.setDecimal(0, new BigDecimal("1.50")), false), columns))
        .isEqualTo(new BigDecimal("1.50"));
    assertThat(readOne(sdkWriteOne(columns, r -> r.setDecimal(0, new BigDecimal("0.1234567890123456789")), false),
        columns)).isEqualTo(new BigDecimal("0.123456789012345679"));
  }

  @Test
  void intervalWithNanosOfTheOtherSignReadsAsTheSameDuration() throws IOException {
    List<Column> columns = List.of(Column.of("i", "INTERVAL_DAY_TIME"));
    // -1.5 s written as Duration holds it: -2 s + 500000000 ns
    byte[] body = sdkWriteOne(columns, r -> r.set(0, new IntervalDayTime(-2, 500_000_000)), false);

    assertThat(readOne(body, columns)).isEqualTo(Duration.ofMillis(-1500));
  }

  @Test
  void datetimeIsEpochMillisWhateverTheClientTimeZone() throws IOException {
    List<Column> columns = List.of(Column.of("t", "DATETIME"));
    Instant instant = Instant.parse("1950-06-15T10:20:30.456Z");
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "Asia/Shanghai", "America/Los_Angeles")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        byte[] body = sdkWriteOne(columns, r -> r.setDatetime(0, Date.from(instant)), false);

        assertThat(readOne(body, columns)).as(zone).isEqualTo(instant);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void dateTransformShiftsDatetimeFromTheClientZoneToShanghaiWallClock() throws IOException {
    // Only when the server answers "odps-tunnel-date-transform: true" does the SDK call
    // setTransform(true); the local server must never send it. This shows why.
    List<Column> columns = List.of(Column.of("t", "DATETIME"));
    Instant instant = Instant.parse("2024-05-01T10:00:00.250Z");
    ZoneId clientZone = DateUtils.LOCAL_CAL.getTimeZone().toZoneId();

    byte[] body = sdkWriteOne(columns, r -> r.setDatetime(0, Date.from(instant)), true);

    Instant shifted = instant.atZone(clientZone).toLocalDateTime().toInstant(ZoneOffset.ofHours(8));
    assertThat(readOne(body, columns)).isEqualTo(shifted);
  }
}
