package dev.mcsink.reliability.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PoisonMessagesTest {
  @Test
  void theFirstCycleIsCleanThenEachCycleStartsWithOneBadRecordOfEachKind() {
    PoisonMessages csv = PoisonMessages.csv();

    assertThat(text(csv.value(0))).isEqualTo("0,n0,r0");
    assertThat(text(csv.value(40))).isEqualTo("40,only two");
    assertThat(text(csv.value(41))).isEqualTo("41,n,r,one too many");
    assertThat(text(csv.value(42))).isEqualTo("42,\"never closed,r");
    assertThat(text(csv.value(43))).isEqualTo("x43,n,r");
    assertThat(csv.value(44)).as("tombstone").isNull();
    assertThat(csv.value(45)).contains((byte) 0xFF);
    assertThat(text(csv.value(46))).isEqualTo("46,n46,r4");
  }

  @Test
  void everyTwoThousandthValueIsOverMaxComputesEightMegabyteCellLimit() {
    PoisonMessages flatten = PoisonMessages.flatten();

    assertThat(flatten.value(1_999).length).isGreaterThan(8 * 1024 * 1024);
    assertThat(flatten.value(3_999).length).isGreaterThan(8 * 1024 * 1024);
    assertThat(flatten.value(1_998).length).isLessThan(100);
  }

  @Test
  void flattenBadKindsAreMalformedWrongTypeUnknownKeyTombstoneJsonNullAndInvalidUtf8() {
    PoisonMessages flatten = PoisonMessages.flatten();

    assertThat(text(flatten.value(80))).startsWith("{\"id\":80,\"name\":\"cut off").doesNotEndWith("}");
    assertThat(text(flatten.value(81))).contains("\"not a number\"");
    assertThat(text(flatten.value(82))).contains("nickname");
    assertThat(flatten.value(83)).isNull();
    assertThat(text(flatten.value(84))).isEqualTo("null");
    assertThat(flatten.value(85)).contains((byte) 0xC3, (byte) 0x28, (byte) 0xFF);
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
