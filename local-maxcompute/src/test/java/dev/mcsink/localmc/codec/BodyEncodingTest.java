package dev.mcsink.localmc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcsink.localmc.types.Column;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyEncodingTest {
  private static final List<Column> COLUMNS = List.of(Column.of("id", "BIGINT"), Column.of("s", "STRING"));

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 2000; i++) {
      rows.add(new Object[] {i, "row number " + i});
    }
    return rows;
  }

  private static void drain(InputStream in) throws IOException {
    RecordStreamReader reader = new RecordStreamReader(in, COLUMNS);
    while (reader.read() != null) {
      // drain
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"deflate", "x-snappy-framed", "x-lz4-frame", "zstd"})
  void corruptCompressedBodyIsRejected(String encoding) throws IOException {
    byte[] body = SdkBridge.sdkWrite(COLUMNS, rows(), encoding);
    body[body.length / 2] ^= 0x5A;

    assertThatThrownBy(() -> drain(BodyEncoding.decoding(new ByteArrayInputStream(body), encoding)))
        .isInstanceOf(RecordStreamException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deflate", "x-snappy-framed", "x-lz4-frame", "zstd"})
  void truncatedCompressedBodyIsRejected(String encoding) throws IOException {
    byte[] body = SdkBridge.sdkWrite(COLUMNS, rows(), encoding);
    byte[] cut = Arrays.copyOf(body, body.length - 3);

    assertThatThrownBy(() -> drain(BodyEncoding.decoding(new ByteArrayInputStream(cut), encoding)))
        .isInstanceOf(RecordStreamException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deflate", "x-snappy-framed", "x-lz4-frame", "zstd"})
  void bodyThatIsNotCompressedAtAllIsRejected(String encoding) throws IOException {
    byte[] plain = SdkBridge.sdkWrite(COLUMNS, rows(), null);

    assertThatThrownBy(() -> drain(BodyEncoding.decoding(new ByteArrayInputStream(plain), encoding)))
        .isInstanceOf(RecordStreamException.class)
        .hasMessageContaining(encoding);
  }

  @Test
  void failureOfTheConnectionStaysAnIOException() throws IOException {
    byte[] body = SdkBridge.sdkWrite(COLUMNS, rows(), "deflate");
    InputStream breaking = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served == 100) {
          throw new IOException("connection reset");
        }
        return body[served++] & 0xFF;
      }
    };

    assertThatThrownBy(() -> drain(BodyEncoding.decoding(breaking, "deflate")))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  @Test
  void unsupportedEncodingIsRejected() {
    assertThatThrownBy(() -> BodyEncoding.decoding(new ByteArrayInputStream(new byte[0]), "br"))
        .isInstanceOf(RecordStreamException.class)
        .hasMessageContaining("unsupported Content-Encoding 'br'");
    assertThat(BodyEncoding.isSupported("br")).isFalse();
    assertThat(BodyEncoding.isSupported("x-odps-lz4-frame")).isFalse();
  }

  @Test
  void identityAndAbsentMeanNoCompression() throws IOException {
    InputStream raw = new ByteArrayInputStream(new byte[0]);

    assertThat(BodyEncoding.decoding(raw, null)).isSameAs(raw);
    assertThat(BodyEncoding.decoding(raw, "")).isSameAs(raw);
    assertThat(BodyEncoding.decoding(raw, "identity")).isSameAs(raw);
  }

  @Test
  void negotiatesTheEncodingTheSdkAsksForOrNone() {
    assertThat(BodyEncoding.negotiate("deflate")).isEqualTo("deflate");
    assertThat(BodyEncoding.negotiate("x-snappy-framed")).isEqualTo("x-snappy-framed");
    assertThat(BodyEncoding.negotiate("x-lz4-frame")).isEqualTo("x-lz4-frame");
    assertThat(BodyEncoding.negotiate("zstd")).isEqualTo("zstd");
    assertThat(BodyEncoding.negotiate("br")).isNull();
    assertThat(BodyEncoding.negotiate(null)).isNull();
    assertThat(BodyEncoding.negotiate("gzip, deflate;q=0.5")).isEqualTo("deflate");
  }
}
