package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TableRouting;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.NewFieldColumns;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.kafka.connect.format.TableLayouts;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.TableDdl;
import com.aliyun.odps.kafka.connect.maxcompute.TaskClients;
import com.aliyun.odps.kafka.connect.partition.RecordPartitioner;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the tables of a task on its shared clients: through the adapter of the write path (which
 * {@link SinkWiring} chose), checked against the format, with the converter and
 * partitioner that go with the table's columns. With auto.create it first creates a missing table
 * from the first record going to it; with auto.evolve it adds columns.
 */
final class TableOpener implements OpenTables.Opener, OpenTables.ColumnAdder {
  private static final Logger log = LoggerFactory.getLogger(TableOpener.class);

  private final SinkSettings settings;
  private final TaskClients clients;
  private final TaskClients.Adapter adapter;
  private final FailedRecordHandler failedRecords;
  private final TableDdl ddl;

  TableOpener(SinkSettings settings, TaskClients clients, TaskClients.Adapter adapter,
      FailedRecordHandler failedRecords) {
    this.settings = settings;
    this.clients = clients;
    this.adapter = adapter;
    this.failedRecords = failedRecords;
    this.ddl = new TableDdl(clients.odps(), settings.project(), settings.schema().isEmpty() ? null : settings.schema());
  }

  @Override
  public OpenTable open(String tableName, SinkRecord first) {
    SinkSettings tableSettings = settings.withTable(tableName);
    if (first != null && settings.tableRouting().autoCreate()) {
      createIfMissing(tableName, tableSettings, first);
    }
    return wrap(tableName, openChecked(clients, adapter, tableSettings));
  }

  @Override
  public void add(String tableName, List<Column> columns) {
    ddl.addColumns(tableName, columns);
  }

  /** A table opened (and checked) already, made ready to take records; closed when that fails. */
  OpenTable wrap(String tableName, MaxComputeTable table) {
    try {
      SinkSettings tableSettings = settings.withTable(tableName);
      RowConversion rows = rows(tableSettings, table);
      if (!settings.tableRouting().autoEvolve()) {
        return new OpenTable(tableName, table, rows);
      }
      return new OpenTable(tableName, table, rows, new NewFieldColumns(tableSettings, table.schema())::of);
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /**
   * Opens a table through {@code adapter} and checks that it fits the format.
   *
   * @throws ConnectException when the table is missing or does not fit
   */
  static MaxComputeTable openChecked(TaskClients clients, TaskClients.Adapter adapter, SinkSettings tableSettings) {
    MaxComputeTable table = clients.open(tableSettings, adapter);
    List<String> problems = TableRequirements.problems(tableSettings, table.schema());
    if (!problems.isEmpty()) {
      table.close();
      throw new ConnectException("Table " + table.name() + " does not fit format " + tableSettings.format()
          + " mode " + tableSettings.mode() + ": " + String.join("; ", problems));
    }
    return table;
  }

  private void createIfMissing(String tableName, SinkSettings tableSettings, SinkRecord first) {
    if (ddl.exists(tableName)) {
      return;
    }
    TableRouting routing = settings.tableRouting();
    TableSchema layout = TableLayouts.forRecord(tableSettings, first);
    ddl.create(tableName, layout, routing.primaryKey(), routing.lifecycleDays());
    log.info("Created table {} with columns {} partitioned by {}, from the record at topic {} partition {} offset {}",
        tableName, names(layout.getColumns()), names(layout.getPartitionColumns()), first.topic(),
        first.kafkaPartition(), first.kafkaOffset());
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(c -> c.getName() + " " + c.getTypeInfo().getTypeName()).collect(Collectors.toList());
  }

  private RowConversion rows(SinkSettings tableSettings, MaxComputeTable table) {
    TableSchema schema = table.schema();
    TablePartitions partitions = partitions(table);
    if (settings.writeMode() == WriteMode.UPSERT) {
      return new RowConversion(table, RecordConverters.createUpsert(tableSettings, schema, table.primaryKey()),
          partitions, failedRecords);
    }
    if (!table.primaryKey().isEmpty()) {
      log.info("write.mode APPEND into Delta table {} (primary key {}): the service applies Tunnel writes to it"
          + " by key, so rows with one key replace each other; deletes need write.mode UPSERT",
          table.name(), table.primaryKey());
    }
    return new RowConversion(table, RecordConverters.create(tableSettings, schema), partitions, failedRecords);
  }

  private TablePartitions partitions(MaxComputeTable table) {
    List<String> columns = table.schema().getPartitionColumns().stream().map(Column::getName)
        .collect(Collectors.toList());
    if (columns.isEmpty() && settings.partitionRules().columns().isEmpty()) {
      return TablePartitions.none();
    }
    RecordPartitioner partitioner;
    try {
      partitioner = RecordPartitioner.of(settings, columns);
    } catch (IllegalArgumentException e) {
      throw new ConnectException("Table " + table.name() + " does not fit the partition settings: " + e.getMessage());
    }
    return new PartitionerPartitions(partitioner);
  }

  /**
   * The partitioner behind the write path's interface. By flush time, every record of a put has the
   * same partition: it is formatted once per put (the put's {@code now}), not once per record.
   */
  private static final class PartitionerPartitions implements TablePartitions {
    private final RecordPartitioner partitioner;
    private final boolean fromRecord;
    private Instant lastNow;
    private String lastPartition;

    PartitionerPartitions(RecordPartitioner partitioner) {
      this.partitioner = partitioner;
      this.fromRecord = partitioner.fromRecord();
    }

    @Override
    public String partitionOf(SinkRecord record, Instant now) {
      if (fromRecord) {
        return partitioner.partitionOf(record, now);
      }
      if (!now.equals(lastNow)) {
        lastPartition = partitioner.partitionOf(record, now);
        lastNow = now;
      }
      return lastPartition;
    }

    @Override
    public Instant windowEnd(Instant now) {
      return partitioner.windowEnd(now);
    }
  }
}
