package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.PartitionWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * When the text of a date-time pattern next changes, formatted in a time zone: the finest field of
 * the pattern decides ({@code yyyyMMdd} changes every local day, {@code HH} every hour). Letters
 * whose window is not a plain unit count as a finer unit (week fields as days, {@code a} as hours):
 * a window that ends early only writes a buffer sooner, one that ends late would hold it too long.
 * Immutable and thread-safe.
 */
final class PatternWindow {
  /** The finest unit of the pattern; null when it has no date or time field (the text never changes). */
  private final ChronoUnit finest;
  /** Offset and zone names change at daylight-saving transitions. */
  private final boolean showsOffset;
  private final ZoneId zone;
  /** The tested local day/hour/minute windows of pt, for those units. */
  private final PartitionValues ptWindow;

  PatternWindow(String pattern, ZoneId zone) {
    this.zone = zone;
    ChronoUnit unit = null;
    boolean offset = false;
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && "VzOXxZv".indexOf(c) >= 0) {
        offset = true;
      } else if (!quoted && Character.isLetter(c) && c != 'p') { // 'p' pads, it is no field
        ChronoUnit letterUnit = unitOf(c);
        unit = unit == null || letterUnit.compareTo(unit) < 0 ? letterUnit : unit;
      }
    }
    this.finest = unit;
    this.showsOffset = offset;
    this.ptWindow = unit == ChronoUnit.MINUTES ? new PartitionValues(PartitionWindow.MINUTE, true, zone)
        : unit == ChronoUnit.HOURS ? new PartitionValues(PartitionWindow.HOUR, true, zone)
        : unit == ChronoUnit.DAYS ? new PartitionValues(PartitionWindow.DAY, true, zone)
        : null;
  }

  private static ChronoUnit unitOf(char letter) {
    if (letter == 's') {
      return ChronoUnit.SECONDS;
    }
    if (letter == 'm') {
      return ChronoUnit.MINUTES;
    }
    if ("HhkKa".indexOf(letter) >= 0) {
      return ChronoUnit.HOURS;
    }
    if ("dDEecFwWYg".indexOf(letter) >= 0) { // Y: the week-based year turns at a week, not on 1 January
      return ChronoUnit.DAYS;
    }
    if ("MLQq".indexOf(letter) >= 0) {
      return ChronoUnit.MONTHS;
    }
    if ("yuG".indexOf(letter) >= 0) {
      return ChronoUnit.YEARS;
    }
    return ChronoUnit.NANOS; // fractions of a second (S n N A): the text changes all the time
  }

  /** The first instant after {@code now} at which the formatted text may differ; {@link Instant#MAX} if never. */
  Instant nextChange(Instant now) {
    Instant end = unitEnd(now);
    ZoneOffsetTransition transition = showsOffset ? zone.getRules().nextTransition(now) : null;
    return transition != null && transition.getInstant().isBefore(end) ? transition.getInstant() : end;
  }

  private Instant unitEnd(Instant now) {
    if (finest == null) {
      return Instant.MAX;
    }
    if (ptWindow != null) {
      return ptWindow.windowEnd(now);
    }
    LocalDate day = now.atZone(zone).toLocalDate();
    switch (finest) {
      case NANOS:
        return now.plusNanos(1);
      case SECONDS:
        // Zone offsets are whole seconds: the UTC second and the local one start together.
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      case MONTHS:
        return day.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
      case YEARS:
        return day.withDayOfYear(1).plusYears(1).atStartOfDay(zone).toInstant();
      default:
        throw new IllegalStateException("unexpected unit " + finest);
    }
  }
}
