package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/** TEMPORARY stand-in until the real one is merged: flush-time pt only. */
public final class RecordPartitioner {
  private final PartitionValues values;

  private RecordPartitioner(PartitionValues values) {
    this.values = values;
  }

  public static RecordPartitioner of(SinkSettings settings, List<String> tablePartitionColumns) {
    if (tablePartitionColumns.size() != 1) {
      throw new IllegalArgumentException("table partition columns " + tablePartitionColumns);
    }
    return new RecordPartitioner(PartitionValues.of(settings));
  }

  public String partitionOf(SinkRecord record, Instant now) {
    return values.valueAt(now);
  }

  public boolean fromRecord() {
    return false;
  }

  public Instant windowEnd(Instant now) {
    return values.windowEnd(now);
  }
}
