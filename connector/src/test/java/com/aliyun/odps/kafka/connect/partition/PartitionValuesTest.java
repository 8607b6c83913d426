package com.aliyun.odps.kafka.connect.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.config.PartitionWindow;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionValuesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 2023-07-13 21:13:45 in Shanghai, 13:13:45 UTC: the document's example minute. */
  private static final Instant DOC_MOMENT = Instant.parse("2023-07-13T13:13:45.500Z");

  @ParameterizedTest
  @CsvSource({
      "DAY, false, 07-13-2023",
      "HOUR, false, 07-13-2023 21",
      "MINUTE, false, 07-13-2023 21:13",
      "DAY, true, 2023-07-13",
      "HOUR, true, 2023-07-13 21",
      "MINUTE, true, 2023-07-13 21:13"})
  void valueFollowsWindowAndPattern(PartitionWindow window, boolean newFormat, String expected) {
    assertThat(new PartitionValues(window, newFormat, SHANGHAI).valueAt(DOC_MOMENT)).isEqualTo(expected);
  }

  @Test
  void timeZoneDecidesTheDayAcrossMidnight() {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    Instant moment = Instant.parse("2023-07-13T16:30:00Z");

    assertThat(new PartitionValues(PartitionWindow.DAY, false, ZoneOffset.UTC).valueAt(moment)).isEqualTo("07-13-2023");
    assertThat(new PartitionValues(PartitionWindow.DAY, false, SHANGHAI).valueAt(moment)).isEqualTo("07-14-2023");
    assertThat(new PartitionValues(PartitionWindow.HOUR, true, SHANGHAI).valueAt(moment)).isEqualTo("2023-07-14 00");
    assertThat(new PartitionValues(PartitionWindow.MINUTE, true, ZoneOffset.UTC).valueAt(moment))
        .isEqualTo("2023-07-13 16:30");
  }

  @Test
  void builtFromSettings() {
    SinkSettings settings = SinkSettings.builder().endpoint("e").project("p").table("t")
        .partitionWindow(PartitionWindow.MINUTE).newPartitionFormat(false).timeZone(SHANGHAI).build();

    assertThat(PartitionValues.of(settings).valueAt(DOC_MOMENT)).isEqualTo("07-13-2023 21:13");
  }

  @Test
  void windowEndIsTheStartOfTheNextWindow() {
    assertThat(new PartitionValues(PartitionWindow.MINUTE, false, SHANGHAI).windowEnd(DOC_MOMENT))
        .isEqualTo(Instant.parse("2023-07-13T13:14:00Z"));
    assertThat(new PartitionValues(PartitionWindow.HOUR, false, SHANGHAI).windowEnd(DOC_MOMENT))
        .isEqualTo(Instant.parse("2023-07-13T14:00:00Z"));
    // The Shanghai day ends at 16:00 UTC; the UTC day at midnight UTC.
    assertThat(new PartitionValues(PartitionWindow.DAY, false, SHANGHAI).windowEnd(DOC_MOMENT))
        .isEqualTo(Instant.parse("2023-07-13T16:00:00Z"));
    assertThat(new PartitionValues(PartitionWindow.DAY, false, ZoneOffset.UTC).windowEnd(DOC_MOMENT))
        .isEqualTo(Instant.parse("2023-07-14T00:00:00Z"));
  }

  @Test
  void windowEndOfTheExactStartIsTheNextBoundary() {
    Instant start = Instant.parse("2023-07-13T13:13:00Z");

    assertThat(new PartitionValues(PartitionWindow.MINUTE, false, SHANGHAI).windowEnd(start))
        .isEqualTo(Instant.parse("2023-07-13T13:14:00Z"));
  }

  @Test
  void valueChangesExactlyAtWindowEnd() {
    for (PartitionWindow window : PartitionWindow.values()) {
      PartitionValues values = new PartitionValues(window, true, SHANGHAI);
      Instant end = values.windowEnd(DOC_MOMENT);

      assertThat(values.valueAt(end.minusNanos(1))).isEqualTo(values.valueAt(DOC_MOMENT));
      assertThat(values.valueAt(end)).isNotEqualTo(values.valueAt(DOC_MOMENT));
    }
  }

  @Test
  void halfHourOffsetZonesUseLocalHours() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30
    PartitionValues hourly = new PartitionValues(PartitionWindow.HOUR, true, kolkata);
    Instant moment = Instant.parse("2023-07-13T13:13:00Z"); // 18:43 local

    assertThat(hourly.valueAt(moment)).isEqualTo("2023-07-13 18");
    assertThat(hourly.windowEnd(moment)).isEqualTo(Instant.parse("2023-07-13T13:30:00Z"));
  }

  @Test
  void daylightSavingChangesNeitherEndWindowsEarlyNorSkipThem() {
    ZoneId newYork = ZoneId.of("America/New_York");
    PartitionValues hourly = new PartitionValues(PartitionWindow.HOUR, true, newYork);
    // 2023-11-05: 01:00-02:00 local happens twice (EDT then EST). First pass 01:30 EDT = 05:30Z.
    Instant firstPass = Instant.parse("2023-11-05T05:30:00Z");
    assertThat(hourly.valueAt(firstPass)).isEqualTo("2023-11-05 01");
    // pt stays "01" through the repeated hour; the window closes at 02:00 EST = 07:00Z.
    assertThat(hourly.windowEnd(firstPass)).isEqualTo(Instant.parse("2023-11-05T07:00:00Z"));
    assertThat(hourly.valueAt(Instant.parse("2023-11-05T06:59:59Z"))).isEqualTo("2023-11-05 01");
    // Per minute, the second pass of 01:30 (EST, 06:30Z) closes at 01:31 EST, not at 01:31 EDT (in its past).
    PartitionValues perMinute = new PartitionValues(PartitionWindow.MINUTE, true, newYork);
    assertThat(perMinute.windowEnd(Instant.parse("2023-11-05T06:30:10Z")))
        .isEqualTo(Instant.parse("2023-11-05T06:31:00Z"));
    assertThat(perMinute.windowEnd(Instant.parse("2023-11-05T05:30:10Z")))
        .isEqualTo(Instant.parse("2023-11-05T05:31:00Z"));

    // 2023-03-12: local 02:00-03:00 does not exist; 01:30 EST = 06:30Z, next window starts 03:00 EDT = 07:00Z.
    Instant beforeGap = Instant.parse("2023-03-12T06:30:00Z");
    assertThat(hourly.windowEnd(beforeGap)).isEqualTo(Instant.parse("2023-03-12T07:00:00Z"));
    assertThat(hourly.valueAt(Instant.parse("2023-03-12T07:00:00Z"))).isEqualTo("2023-03-12 03");
  }

  @Test
  void patternsAreTheDocumentedOnes() {
    assertThat(PartitionValues.pattern(PartitionWindow.DAY, false)).isEqualTo("MM-dd-yyyy");
    assertThat(PartitionValues.pattern(PartitionWindow.HOUR, false)).isEqualTo("MM-dd-yyyy HH");
    assertThat(PartitionValues.pattern(PartitionWindow.MINUTE, false)).isEqualTo("MM-dd-yyyy HH:mm");
    assertThat(PartitionValues.pattern(PartitionWindow.DAY, true)).isEqualTo("yyyy-MM-dd");
    assertThat(PartitionValues.pattern(PartitionWindow.HOUR, true)).isEqualTo("yyyy-MM-dd HH");
    assertThat(PartitionValues.pattern(PartitionWindow.MINUTE, true)).isEqualTo("yyyy-MM-dd HH:mm");
  }
}
