package com.aliyun.odps.kafka.connect.partition;

// placeholder: replaced at merge

import com.aliyun.odps.kafka.connect.config.PartitionWindow;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Placeholder of the pt value of a window and its end; the real class comes from another branch. */
public final class PartitionValues {
  private final PartitionWindow window;
  private final ZoneId zone;
  private final DateTimeFormatter format;

  private PartitionValues(SinkSettings settings) {
    this.window = settings.partitionWindow();
    this.zone = settings.timeZone();
    String pattern;
    switch (window) {
      case DAY: pattern = settings.newPartitionFormat() ? "yyyy-MM-dd" : "MM-dd-yyyy"; break;
      case MINUTE: pattern = settings.newPartitionFormat() ? "yyyy-MM-dd HH:mm" : "MM-dd-yyyy HH:mm"; break;
      default: pattern = settings.newPartitionFormat() ? "yyyy-MM-dd HH" : "MM-dd-yyyy HH"; break;
    }
    this.format = DateTimeFormatter.ofPattern(pattern);
  }

  public static PartitionValues of(SinkSettings settings) {
    return new PartitionValues(settings);
  }

  public String valueAt(Instant instant) {
    return format.format(instant.atZone(zone));
  }

  public Instant windowEnd(Instant instant) {
    ZonedDateTime t = instant.atZone(zone);
    switch (window) {
      case DAY: return t.truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
      case MINUTE: return t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).toInstant();
      default: return t.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }
  }
}
