package com.aliyun.odps.kafka.connect.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyBytesTest {
  /** Bytes written in pieces of every size, some one at a time, across many chunks. */
  private static byte[] written(BodyBytes body, int total) {
    Random random = new Random(7);
    byte[] expected = new byte[total];
    random.nextBytes(expected);
    int at = 0;
    while (at < total) {
      int piece = Math.min(total - at, random.nextInt(3) == 0 ? 1 : random.nextInt(100_000));
      if (piece == 1) {
        body.write(expected[at]);
      } else {
        body.write(expected, at, piece);
      }
      at += piece;
    }
    return expected;
  }

  @Test
  void aBodyLargerThanManyChunksReadsBackAsWritten() throws IOException {
    BodyBytes body = new BodyBytes(1000);
    byte[] expected = written(body, 5 * BodyBytes.MAX_CHUNK + 12_345);

    assertThat(body.size()).isEqualTo(expected.length);
    assertThat(body.toByteArray()).isEqualTo(expected);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    body.writeTo(sent);
    assertThat(sent.toByteArray()).isEqualTo(expected);
    assertThat(body.inputStream().readAllBytes()).isEqualTo(expected);
  }

  @Test
  void anEmptyBodyIsEmpty() throws IOException {
    BodyBytes body = new BodyBytes(0);

    assertThat(body.size()).isZero();
    assertThat(body.toByteArray()).isEmpty();
    assertThat(body.inputStream().readAllBytes()).isEmpty();
  }
}
