package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.type.TypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Checks that the text a SELECT prints for a column is the value that was written. Where
 * MaxCompute's printing leaves room (digits of a double, trailing zeros of a fraction or of a
 * DECIMAL's scale) the text is parsed and compared as a value; everything else must match exactly.
 * DATETIME and TIMESTAMP print in the service's time zone, which the local service sets to UTC.
 */
final class SqlText {
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd()
      .toFormatter();

  private SqlText() {
  }

  /** True for the types whose printed form this suite pins down (not BINARY nor complex types). */
  static boolean isComparable(TypeInfo type) {
    switch (type.getOdpsType()) {
      case BINARY:
      case ARRAY:
      case MAP:
      case STRUCT:
        return false;
      default:
        return true;
    }
  }

  /** {@code expected} as {@link ComparableValue} gives it. */
  static void assertShows(String column, TypeInfo type, Object expected, String text) {
    String what = "SELECT text of " + column + " (" + type.getTypeName() + ")";
    if (expected == null) {
      assertThat(text).as(what).isEqualTo(SqlRunner.NULL_TEXT);
      return;
    }
    assertThat(text).as(what).isNotNull().isNotEqualTo(SqlRunner.NULL_TEXT);
    switch (type.getOdpsType()) {
      case DOUBLE:
        // compared as objects: Double.equals matches NaN with NaN
        assertThat((Object) Double.valueOf(parseDouble(text))).as(what).isEqualTo(expected);
        break;
      case FLOAT:
        assertThat((Object) Float.valueOf((float) parseDouble(text))).as(what).isEqualTo(expected);
        break;
      case DECIMAL:
        assertThat(new BigDecimal(text)).as(what).isEqualByComparingTo((BigDecimal) expected);
        break;
      case DATE:
        assertThat(LocalDate.parse(text)).as(what).isEqualTo(expected);
        break;
      case DATETIME:
        // MaxCompute prints DATETIME to the second (yyyy-MM-dd HH:mm:ss); milliseconds survive in the tunnel.
        assertThat(LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC)).as(what)
            .isEqualTo(((Instant) expected).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        break;
      case TIMESTAMP:
        assertThat(LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC)).as(what)
            .isEqualTo((Instant) expected);
        break;
      case TIMESTAMP_NTZ:
        assertThat(LocalDateTime.parse(text, DATE_TIME)).as(what).isEqualTo(expected);
        break;
      case JSON:
        // JSON is stored parsed: only insignificant white space may differ.
        assertThat(text.replaceAll("\\s", "")).as(what).isEqualTo(expected.toString().replaceAll("\\s", ""));
        break;
      default:
        // integers, BOOLEAN (true/false), STRING, VARCHAR, CHAR
        assertThat(text).as(what).isEqualTo(String.valueOf(expected));
    }
  }

  private static double parseDouble(String text) {
    switch (text.toLowerCase()) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(text);
    }
  }
}
