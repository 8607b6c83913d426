package com.aliyun.odps.kafka.connect.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.connect.sink.SinkRecord;

/** One target partition per UTC minute, named "HH:mm". */
final class MinuteWindows implements TablePartitions {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  @Override
  public String partitionOf(SinkRecord record, Instant now) {
    return FORMAT.format(now);
  }

  @Override
  public Instant windowEnd(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
  }
}
