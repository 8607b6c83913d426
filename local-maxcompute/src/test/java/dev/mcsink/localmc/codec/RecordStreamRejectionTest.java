package dev.mcsink.localmc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mcsink.localmc.types.Column;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies the server must refuse, each with one defect, and what the error says. */
class RecordStreamRejectionTest {
  private static final List<Column> ID_NAME = List.of(Column.of("id", "BIGINT"), Column.of("name", "STRING"));

  private static RecordStreamException rejection(byte[] body, List<Column> columns) {
    return rejection(body, columns, RecordStreamReader.DEFAULT_MAX_FIELD_BYTES);
  }

  private static RecordStreamException rejection(byte[] body, List<Column> columns, long maxFieldBytes) {
    return catchThrowableOfType(RecordStreamException.class, () -> {
      RecordStreamReader reader = new RecordStreamReader(new ByteArrayInputStream(body), columns, maxFieldBytes);
      while (reader.read() != null) {
        // drain
      }
    });
  }

  private static byte[] sdkBody(List<Object[]> rows) throws IOException {
    return SdkBridge.sdkWrite(ID_NAME, rows, null);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void flippedByteInAValueFailsTheRecordChecksum() throws IOException {
    byte[] body = sdkBody(List.of(new Object[] {1L, "first"}, new Object[] {2L, "second"}));
    body[indexOf(body, "second".getBytes(StandardCharsets.UTF_8)) + 2] ^= 0x01;

    RecordStreamException e = rejection(body, ID_NAME);

    assertThat(e.problem()).startsWith("record checksum mismatch");
    assertThat(e.recordIndex()).isEqualTo(1);
  }

  @Test
  void everyTruncationOfAValidBodyIsRejectedAsTruncated() throws IOException {
    byte[] body = SdkBridge.sdkWrite(AllTypesSample.COLUMNS, AllTypesSample.rows().subList(0, 3), null);

    for (int length = 0; length < body.length; length++) {
      RecordStreamException e = rejection(Arrays.copyOf(body, length), AllTypesSample.COLUMNS);
      assertThat(e).as("body cut to %d of %d bytes", length, body.length).isNotNull();
      assertThat(e.problem()).as("body cut to %d bytes", length).contains("truncated");
    }
  }

  @Test
  void emptyBodyIsRejectedForLackingTheTrailer() {
    RecordStreamException e = rejection(new byte[0], ID_NAME);

    assertThat(e.getMessage()).contains("ends without the trailer");
  }

  @Test
  void wrongRecordCountInTheTrailerIsRejected() {
    byte[] body = new HandMadeStream()
        .longField(1, 7).endRecord()
        .longField(1, 8).endRecord()
        .trailer(3).toByteArray();

    RecordStreamException e = rejection(body, ID_NAME);

    assertThat(e.problem()).isEqualTo("the trailer says 3 records but the body holds 2");
    assertThat(e.recordIndex()).isEqualTo(-1);
  }

  @Test
  void wrongStreamChecksumIsRejected() throws IOException {
    byte[] body = sdkBody(List.<Object[]>of(new Object[] {1L, "x"}));
    body[body.length - 2] ^= 0x01; // inside the final uint32 varint

    assertThat(rejection(body, ID_NAME).problem()).startsWith("stream checksum mismatch");
  }

  @Test
  void bytesAfterTheTrailerAreRejected() throws IOException {
    byte[] valid = sdkBody(List.<Object[]>of(new Object[] {1L, "x"}));
    byte[] body = Arrays.copyOf(valid, valid.length + 1);

    assertThat(rejection(body, ID_NAME).problem()).isEqualTo("unexpected bytes after the trailer");
  }

  @Test
  void wrongWireTypeForTheColumnIsRejected() {
    // "name" is STRING (length-delimited) but is sent as a varint
    byte[] body = new HandMadeStream().longField(1, 1).longField(2, 5).endRecord().trailer().toByteArray();

    RecordStreamException e = rejection(body, ID_NAME);

    assertThat(e.problem()).isEqualTo("wire type varint for a STRING column, expected length-delimited");
    assertThat(e.column()).isEqualTo("name");
    assertThat(e.recordIndex()).isZero();
  }

  @Test
  void fieldNumberBeyondTheColumnsIsRejected() {
    byte[] body = new HandMadeStream().longField(3, 1).endRecord().trailer().toByteArray();

    assertThat(rejection(body, ID_NAME).problem()).startsWith("field number 3 is not a column");
  }

  @Test
  void columnSentTwiceInARecordIsRejected() {
    byte[] body = new HandMadeStream().longField(1, 1).longField(1, 2).endRecord().trailer().toByteArray();

    RecordStreamException e = rejection(body, ID_NAME);

    assertThat(e.problem()).isEqualTo("the column appears twice in the record");
    assertThat(e.column()).isEqualTo("id");
  }

  @Test
  void varcharLongerThanItsLengthIsRejectedCountingCodePoints() {
    List<Column> columns = List.of(Column.of("v", "VARCHAR(3)"));
    byte[] fits = new HandMadeStream().textField(1, "a😀c").endRecord().trailer().toByteArray();
    byte[] tooLong = new HandMadeStream()
        .textField(1, "ok").endRecord()
        .textField(1, "abcd").endRecord()
        .trailer().toByteArray();

    assertThat(rejection(fits, columns)).isNull();
    RecordStreamException e = rejection(tooLong, columns);
    assertThat(e.getMessage())
        .isEqualTo("Invalid record stream at record 1, column 'v': VARCHAR(3) value has 4 characters, more than 3");
  }

  @Test
  void charLongerThanItsLengthIsRejected() {
    byte[] body = new HandMadeStream().textField(1, "abc").endRecord().trailer().toByteArray();

    assertThat(rejection(body, List.of(Column.of("c", "CHAR(2)"))).problem())
        .isEqualTo("CHAR(2) value has 3 characters, more than 2");
  }

  @Test
  void invalidUtf8IsRejectedInEveryTextType() {
    byte[] invalid = {'a', (byte) 0xC3, 'b'};
    for (String type : List.of("STRING", "VARCHAR(10)", "CHAR(10)", "JSON")) {
      byte[] body = new HandMadeStream().bytesField(1, invalid).endRecord().trailer().toByteArray();

      RecordStreamException e = rejection(body, List.of(Column.of("t", type)));

      assertThat(e.problem()).as(type).isEqualTo(type + " value is not valid UTF-8");
    }
  }

  @Test
  void invalidUtf8IsAcceptedInBinary() {
    byte[] body = new HandMadeStream().bytesField(1, new byte[] {(byte) 0xC3}).endRecord().trailer().toByteArray();

    assertThat(rejection(body, List.of(Column.of("b", "BINARY")))).isNull();
  }

  @Test
  void textThatIsNotJsonIsRejectedInAJsonColumn() {
    List<Column> columns = List.of(Column.of("j", "JSON"));
    for (String bad : List.of("{\"a\":", "abc", "{} {}", "")) {
      byte[] body = new HandMadeStream().textField(1, bad).endRecord().trailer().toByteArray();

      assertThat(rejection(body, columns).problem()).as(bad).startsWith("JSON value");
    }
  }

  @Test
  void aStreamCheckedBeforeIsReadAgainWithoutParsingItsJson() throws IOException {
    // What a commit reads back was parsed when it arrived; text that would fail a parse shows it is not parsed again.
    List<Column> columns = List.of(Column.of("j", "JSON"));
    byte[] body = new HandMadeStream().textField(1, "{\"a\":").endRecord().trailer().toByteArray();
    RecordStreamReader reader = RecordStreamReader.ofChecked(new ByteArrayInputStream(body), columns);

    assertThat(reader.read()).containsExactly("{\"a\":");
    assertThat(reader.read()).isNull();
    assertThat(rejection(body, columns).problem()).startsWith("JSON value");
  }

  @Test
  void integersOutsideTheirTypeAreRejected() {
    assertThat(rejection(new HandMadeStream().longField(1, Long.MIN_VALUE).endRecord().trailer().toByteArray(),
        List.of(Column.of("c", "BIGINT"))).problem()).contains("out of range");
    assertThat(rejection(new HandMadeStream().longField(1, 1L << 31).endRecord().trailer().toByteArray(),
        List.of(Column.of("c", "INT"))).problem()).isEqualTo("INT value 2147483648 is out of range [-2147483648, 2147483647]");
    assertThat(rejection(new HandMadeStream().longField(1, 128).endRecord().trailer().toByteArray(),
        List.of(Column.of("c", "TINYINT"))).problem()).contains("out of range");
    assertThat(rejection(new HandMadeStream().longField(1, -32769).endRecord().trailer().toByteArray(),
        List.of(Column.of("c", "SMALLINT"))).problem()).contains("out of range");
  }

  @Test
  void datesAndDatetimesOutsideMaxComputeRangeAreRejected() {
    assertThat(rejection(new HandMadeStream().longField(1, 2_932_897).endRecord().trailer().toByteArray(),
        List.of(Column.of("d", "DATE"))).problem()).contains("outside 0000-01-01 to 9999-12-31");
    assertThat(rejection(new HandMadeStream().longField(1, 253402387200001L).endRecord().trailer().toByteArray(),
        List.of(Column.of("d", "DATETIME"))).problem()).contains("out of range");
  }

  @Test
  void decimalThatOverflowsAfterSdkRoundingIsRejected() {
    List<Column> columns = List.of(Column.of("d", "DECIMAL(10,2)"));
    // 99999999.995 rounds HALF_UP to 100000000.00: 9 integer digits, 8 allowed (the SDK refuses it too)
    byte[] body = new HandMadeStream().textField(1, "99999999.995").endRecord().trailer().toByteArray();

    assertThat(rejection(body, columns).problem())
        .isEqualTo("DECIMAL value 99999999.995 overflows DECIMAL(10,2): 9 integer digits after rounding to scale 2,"
            + " at most 8 allowed");
  }

  @Test
  void decimalTextThatIsNotANumberIsRejected() {
    for (String bad : List.of("abc", "", "1.2.3", "NaN", "Infinity", "1E+999999999")) {
      byte[] body = new HandMadeStream().textField(1, bad).endRecord().trailer().toByteArray();

      assertThat(rejection(body, List.of(Column.of("d", "DECIMAL(38,18)"))).problem()).as(bad).startsWith("DECIMAL value");
    }
  }

  @Test
  void fieldLargerThanTheLimitIsRejected() {
    byte[] body = new HandMadeStream().textField(2, "x".repeat(11)).endRecord().trailer().toByteArray();

    RecordStreamException e = rejection(body, ID_NAME, 10);

    assertThat(e.problem()).isEqualTo("STRING value of 11 bytes exceeds the field size limit of 10 bytes");
  }

  @Test
  void forgedHugeLengthOnAShortBodyIsRejectedAsTruncated() {
    byte[] body = new HandMadeStream().tag(2, 2).varint(Integer.MAX_VALUE).raw('a', 'b').toByteArray();

    assertThat(rejection(body, ID_NAME, Integer.MAX_VALUE).problem()).contains("truncated");
  }

  @Test
  void nestedProblemNamesThePathInsideTheColumn() {
    // ARRAY<STRUCT<a:VARCHAR(2)>>: [ {a:"ok"}, {a:"long"} ]
    List<Column> columns = List.of(Column.of("items", "ARRAY<STRUCT<a:VARCHAR(2)>>"));
    byte[] body = new HandMadeStream()
        .tag(1, 2).varint(2)
        .varint(0).varint(0).payload("ok".getBytes(StandardCharsets.UTF_8))
        .varint(0).varint(0).payload("long".getBytes(StandardCharsets.UTF_8))
        .endRecord().trailer().toByteArray();

    RecordStreamException e = rejection(body, columns);

    assertThat(e.column()).isEqualTo("items[1].a");
    assertThat(e.problem()).isEqualTo("VARCHAR(2) value has 4 characters, more than 2");
  }

  @Test
  void nullMapKeyIsRejected() {
    List<Column> columns = List.of(Column.of("m", "MAP<STRING,BIGINT>"));
    byte[] body = new HandMadeStream()
        .tag(1, 2)
        .varint(1).varint(1) // keys: [null]
        .varint(1).varint(1) // values: [null]
        .endRecord().trailer().toByteArray();

    assertThat(rejection(body, columns).problem()).isEqualTo("MAP key 0 is null");
  }

  @Test
  void mapWithMoreKeysThanValuesIsRejected() {
    List<Column> columns = List.of(Column.of("m", "MAP<BIGINT,BIGINT>"));
    byte[] body = new HandMadeStream()
        .tag(1, 2)
        .varint(1).varint(1) // keys: [null]
        .varint(0) // values: []
        .endRecord().trailer().toByteArray();

    assertThat(rejection(body, columns).problem()).isEqualTo("MAP has 1 keys but 0 values");
  }

  @Test
  void trailerInsideARecordIsRejected() {
    byte[] body = new HandMadeStream().longField(1, 1).trailer(0).toByteArray();

    assertThat(rejection(body, ID_NAME).problem()).startsWith("the trailer starts inside a record");
  }

  @Test
  void readingStopsAtTheFirstBadRecordAfterReturningTheGoodOnes() throws IOException {
    byte[] body = new HandMadeStream()
        .longField(1, 1).endRecord()
        .longField(1, 2).raw(0x01).endRecord()
        .trailer().toByteArray();
    RecordStreamReader reader = new RecordStreamReader(new ByteArrayInputStream(body), ID_NAME);

    assertThat(reader.read()).containsExactly(1L, null);
    assertThatThrownBy(reader::read).isInstanceOf(RecordStreamException.class)
        .extracting(e -> ((RecordStreamException) e).recordIndex()).isEqualTo(1L);
    assertThat(reader.recordsRead()).isEqualTo(1);
  }
}
