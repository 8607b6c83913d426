package com.aliyun.odps.kafka.connect.partition;

import com.aliyun.odps.kafka.connect.config.PartitionColumnRule;
import com.aliyun.odps.kafka.connect.config.PartitionRules;
import com.aliyun.odps.kafka.connect.config.PartitionTimeSource;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The table partition of the row a record becomes, as {@code partition.time.source} and
 * {@code partition.columns} say; with neither set, the product document's {@code pt} of the moment
 * the row is buffered. Immutable and thread-safe.
 */
public final class RecordPartitioner {
  private final PartitionRules rules;
  private final List<String> tableColumns;
  private final PartitionValues pt;
  /** Empty when the table is filled as the product document says (a single pt, or no partition). */
  private final List<PartitionColumn> columns;
  private final RecordTime time;
  /** The column that time errors name: the first filled from the time; null when no column is. */
  private final String timeColumn;

  private RecordPartitioner(SinkSettings settings, List<String> tableColumns, List<PartitionColumn> columns) {
    this.rules = settings.partitionRules();
    this.tableColumns = List.copyOf(tableColumns);
    this.pt = PartitionValues.of(settings);
    this.columns = List.copyOf(columns);
    this.time = new RecordTime(rules, settings.timeZone());
    this.timeColumn = columns.isEmpty()
        ? (tableColumns.isEmpty() ? null : tableColumns.get(0))
        : columns.stream().filter(PartitionColumn::fromTime).map(PartitionColumn::name).findFirst().orElse(null);
  }

  /**
   * @param tablePartitionColumns the table's partition columns in its order
   * @throws IllegalArgumentException, naming both lists, when the table's partition columns are not
   *     those the settings fill
   */
  public static RecordPartitioner of(SinkSettings settings, List<String> tablePartitionColumns) {
    List<PartitionColumnRule> rules = settings.partitionRules().columns();
    List<String> ruleColumns = rules.stream().map(PartitionColumnRule::column).collect(Collectors.toList());
    if (rules.isEmpty() && tablePartitionColumns.size() > 1) {
      throw new IllegalArgumentException("the table is " + described(tablePartitionColumns)
          + "; with partition.columns empty the connector fills a single partition column (pt) or none");
    }
    if (!rules.isEmpty() && !sameNames(ruleColumns, tablePartitionColumns)) {
      throw new IllegalArgumentException("the table is " + described(tablePartitionColumns)
          + " but partition.columns fills (" + String.join(", ", ruleColumns)
          + "); they must be the same columns in the same order");
    }
    List<PartitionColumn> columns = new ArrayList<>();
    for (PartitionColumnRule rule : rules) {
      columns.add(new PartitionColumn(rule, settings.timeZone()));
    }
    return new RecordPartitioner(settings, tablePartitionColumns, columns);
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String described(List<String> tableColumns) {
    return tableColumns.isEmpty() ? "not partitioned" : "partitioned by (" + String.join(", ", tableColumns) + ")";
  }

  /**
   * The partition of the row {@code record} becomes: the values of the table's partition columns in
   * its order, joined by '/' (a single column: its value alone, e.g. {@code 07-13-2023 21}); null for
   * a table without partition columns.
   *
   * @param now when the row is buffered (the time with FLUSH_TIME)
   * @throws PartitionValueException when the record gives no value a partition column can hold
   */
  public String partitionOf(SinkRecord record, Instant now) {
    if (tableColumns.isEmpty()) {
      return null;
    }
    RecordValue value = new RecordValue(record.value());
    Instant recordTime = timeColumn == null ? null : time.of(record, value, now, timeColumn);
    if (columns.isEmpty()) {
      return pt.valueAt(recordTime);
    }
    StringJoiner partition = new StringJoiner("/");
    for (PartitionColumn column : columns) {
      partition.add(column.valueOf(recordTime, value));
    }
    return partition.toString();
  }

  /**
   * When a buffer opened at {@code now} must be written because its partition can get no more rows:
   * the end of the time window for partitions of the clock; {@link Instant#MAX} for partitions of
   * the record (its time or fields), which a later record may always reach.
   */
  public Instant windowEnd(Instant now) {
    if (rules.timeSource() != PartitionTimeSource.FLUSH_TIME) {
      return Instant.MAX;
    }
    if (columns.isEmpty()) {
      return pt.windowEnd(now);
    }
    Instant end = Instant.MAX;
    for (PartitionColumn column : columns) {
      Instant columnEnd = column.windowEnd(now);
      end = columnEnd.isBefore(end) ? columnEnd : end;
    }
    return end;
  }

  /** True when partition values depend on the record rather than on the moment it is buffered. */
  public boolean fromRecord() {
    return rules.fromRecord();
  }
}
