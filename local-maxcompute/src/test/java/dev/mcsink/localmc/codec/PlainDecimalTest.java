package dev.mcsink.localmc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast decimal parser gives what {@code new BigDecimal(text)} gives, or leaves the text to it. */
class PlainDecimalTest {

  @Test
  void parsesPlainTextExactlyAsBigDecimalDoes() {
    String[] texts = {"0", "-0", "0.00", "-0.00", "7", "-7", "007.50", "12.3400", "-12.3400",
        "999999999999999999", "-999999999999999999", "0.000000000000000001", "123456789.123456789"};
    for (String text : texts) {
      BigDecimal parsed = ValueDecoder.plainDecimal(bytes(text));
      BigDecimal expected = new BigDecimal(text);
      assertThat(parsed).as(text).isNotNull();
      assertThat(parsed.unscaledValue()).as(text).isEqualTo(expected.unscaledValue());
      assertThat(parsed.scale()).as(text).isEqualTo(expected.scale());
    }
  }

  @Test
  void leavesEverythingElseToTheFullParser() {
    String[] texts = {"", "-", ".", "1.", ".5", "-.5", "+1", "1e5", "1E+3", "1.2.3", "1-", "--1", " 1", "1 ",
        "1234567890123456789", "0.1234567890123456789", "NaN", "١"};
    for (String text : texts) {
      assertThat(ValueDecoder.plainDecimal(bytes(text))).as(text).isNull();
    }
  }

  @Test
  void agreesWithBigDecimalOnRandomPlainValues() {
    Random random = new Random(17);
    for (int i = 0; i < 100_000; i++) {
      BigDecimal value = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000_000L, random.nextInt(19));
      String text = value.toPlainString();
      BigDecimal parsed = ValueDecoder.plainDecimal(bytes(text));
      assertThat(parsed).as(text).isNotNull();
      assertThat(parsed.unscaledValue()).as(text).isEqualTo(value.unscaledValue());
      assertThat(parsed.scale()).as(text).isEqualTo(value.scale());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
