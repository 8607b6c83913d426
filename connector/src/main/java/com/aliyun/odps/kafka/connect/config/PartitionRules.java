package com.aliyun.odps.kafka.connect.config;

import java.util.List;
import java.util.Objects;

/**
 * Where partition values come from: the time source ({@code partition.time.source} and its field)
 * and the partition columns ({@code partition.columns}; empty: the single {@code pt} column filled
 * as the product document says, with {@code partition_window_type} and
 * {@code use_new_partition_format}). Immutable.
 */
public final class PartitionRules {
  private final PartitionTimeSource timeSource;
  private final String timeField;
  private final TimeFieldFormat timeFieldFormat;
  private final List<PartitionColumnRule> columns;

  public PartitionRules(PartitionTimeSource timeSource, String timeField, TimeFieldFormat timeFieldFormat,
      List<PartitionColumnRule> columns) {
    this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
    this.timeField = Objects.requireNonNull(timeField, "timeField");
    this.timeFieldFormat = Objects.requireNonNull(timeFieldFormat, "timeFieldFormat");
    this.columns = List.copyOf(columns);
  }

  public PartitionTimeSource timeSource() {
    return timeSource;
  }

  /** The field path of {@link PartitionTimeSource#FIELD} (dots between levels); empty otherwise. */
  public String timeField() {
    return timeField;
  }

  public TimeFieldFormat timeFieldFormat() {
    return timeFieldFormat;
  }

  /** The configured partition columns in table order; empty for the product document's {@code pt}. */
  public List<PartitionColumnRule> columns() {
    return columns;
  }

  /** True when a partition value depends on the record rather than on the moment it is buffered. */
  public boolean fromRecord() {
    return timeSource != PartitionTimeSource.FLUSH_TIME
        || columns.stream().anyMatch(c -> c.kind() == PartitionColumnRule.Kind.FIELD);
  }

  @Override
  public String toString() {
    return "{timeSource=" + timeSource + ", timeField=" + timeField + ", timeFieldFormat=" + timeFieldFormat
        + ", columns=" + columns + "}";
  }
}
