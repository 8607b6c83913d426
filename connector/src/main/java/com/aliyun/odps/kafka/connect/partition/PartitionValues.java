package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.PartitionWindow;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The value of the {@code pt} partition column for a moment, and when its window closes.
 *
 * <p>Patterns (the product document's outputs, e.g. {@code 07-13-2023 21:13}): DAY
 * {@code MM-dd-yyyy}, HOUR {@code MM-dd-yyyy HH}, MINUTE {@code MM-dd-yyyy HH:mm}; with
 * {@code use_new_partition_format} {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH}, {@code yyyy-MM-dd HH:mm}.
 * Windows are wall-clock windows in the configured time zone. Immutable and thread-safe.
 */
public final class PartitionValues {
  private final PartitionWindow window;
  private final ZoneId zone;
  private final DateTimeFormatter formatter;

  public PartitionValues(PartitionWindow window, boolean newPartitionFormat, ZoneId zone) {
    this.window = Objects.requireNonNull(window, "window");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.formatter = DateTimeFormatter.ofPattern(pattern(window, newPartitionFormat)).withZone(zone);
  }

  public static PartitionValues of(SinkSettings settings) {
    return new PartitionValues(settings.partitionWindow(), settings.newPartitionFormat(), settings.timeZone());
  }

  /** The pattern of {@code pt} for a window, in {@link DateTimeFormatter} syntax. */
  public static String pattern(PartitionWindow window, boolean newPartitionFormat) {
    String day = newPartitionFormat ? "yyyy-MM-dd" : "MM-dd-yyyy";
    switch (window) {
      case DAY:
        return day;
      case HOUR:
        return day + " HH";
      case MINUTE:
        return day + " HH:mm";
      default:
        throw new IllegalArgumentException("unknown partition window " + window);
    }
  }

  /** The {@code pt} value of the window that contains {@code instant}. */
  public String valueAt(Instant instant) {
    return formatter.format(instant);
  }

  /**
   * The first instant after {@code instant} that belongs to the next window: the start of the next
   * local day/hour/minute. Computed on local time so that a daylight-saving change neither ends a
   * window early nor makes it skip; always later than {@code instant}.
   */
  public Instant windowEnd(Instant instant) {
    ZonedDateTime now = instant.atZone(zone);
    LocalDateTime local = now.toLocalDateTime();
    ZonedDateTime next;
    switch (window) {
      case DAY:
        // atStartOfDay(zone) copes with zones whose midnight falls in a daylight-saving gap.
        next = local.toLocalDate().plusDays(1).atStartOfDay(zone);
        break;
      case HOUR:
        next = nextLocal(local.truncatedTo(ChronoUnit.HOURS).plusHours(1), now);
        break;
      case MINUTE:
        next = nextLocal(local.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1), now);
        break;
      default:
        throw new IllegalArgumentException("unknown partition window " + window);
    }
    Instant end = next.toInstant();
    // Only a clock set back across a window boundary could put the next local start before the
    // instant; a window end must never be in the past of the instant it was asked for.
    return end.isAfter(instant) ? end : instant.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * The next local window start as an instant; in a repeated (clock set back) hour the current
   * offset is kept, so the window after 01:30 of the second pass is 01:31 of the second pass.
   */
  private ZonedDateTime nextLocal(LocalDateTime nextStart, ZonedDateTime now) {
    return ZonedDateTime.ofLocal(nextStart, zone, now.getOffset());
  }

  public PartitionWindow window() {
    return window;
  }

  public ZoneId zone() {
    return zone;
  }
}
