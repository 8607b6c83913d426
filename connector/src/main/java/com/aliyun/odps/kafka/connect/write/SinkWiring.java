package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TableRouting;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.errors.ErrorRouter;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import com.aliyun.odps.kafka.connect.maxcompute.BatchTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.StreamTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.TaskClients;
import com.aliyun.odps.kafka.connect.maxcompute.UpsertTunnelTable;
import com.aliyun.odps.kafka.connect.partition.RecordPartitioner;
import com.aliyun.odps.Column;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a task's {@link SinkWriter} from its settings: the only place the write path meets the
 * client, format, partition and error-routing packages, and the one place {@code write.mode} and
 * {@code use_streaming} choose the write path (the MaxCompute adapter and the flush policy that
 * goes with it).
 */
public final class SinkWiring {
  private static final Logger log = LoggerFactory.getLogger(SinkWiring.class);

  private final SinkSettings settings;
  private final TaskClients clients;
  private final FailedRecordHandler failedRecords;

  private SinkWiring(SinkSettings settings, TaskClients clients, FailedRecordHandler failedRecords) {
    this.settings = settings;
    this.clients = clients;
    this.failedRecords = failedRecords;
  }

  /**
   * With one table, opens it now; with tables by topic, each opens with its first record.
   *
   * @throws ConnectException when the table is missing or does not fit the configured format
   */
  public static SinkWriter writer(SinkSettings settings, SinkTaskContext context) {
    TableRouting routing = settings.tableRouting();
    TaskClients clients = TaskClients.connect(settings);
    MaxComputeTable single = null;
    FailedRecordHandler failedRecords = null;
    try {
      // The one table is opened first: a table that can't be written fails the start before any route opens.
      single = routing.isSingleTable() ? openChecked(clients, settings.withTable(settings.table())) : null;
      failedRecords = ErrorRouter.create(settings, context);
      SinkWiring wiring = new SinkWiring(settings, clients, failedRecords);
      OpenTables tables = single != null
          ? OpenTables.single(new OpenTable(single, wiring.rows(single, settings.table())), clients)
          : OpenTables.routed(routing::tableFor, (name, first) -> wiring.open(name), clients);
      return new SinkWriter(tables, policy(settings), failedRecords, new MemoryCap(settings.bufferSizeKb() * 1024L),
          Clock.systemUTC(), context::timeout, writeThread(settings.connectorName()));
    } catch (RuntimeException e) {
      if (failedRecords != null) {
        failedRecords.close();
      }
      if (single != null) {
        single.close();
      }
      clients.close();
      throw e;
    }
  }

  private static FlushPolicy policy(SinkSettings settings) {
    if (settings.writeMode() == WriteMode.UPSERT) {
      return FlushPolicy.upsert(settings.upsertCommitInterval());
    }
    if (settings.useStreaming()) {
      return FlushPolicy.streaming(settings.recordBatchSize(), settings.streamMaxLatency());
    }
    return FlushPolicy.batch();
  }

  /**
   * Opens one table through the adapter of the write path and checks it fits the format.
   *
   * @throws ConnectException when the table is missing or does not fit
   */
  private OpenTable open(String tableName) {
    MaxComputeTable table = openChecked(clients, settings.withTable(tableName));
    try {
      return new OpenTable(table, rows(table, tableName));
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /** Opens a table through the adapter of the write path and checks that it fits the format. */
  private static MaxComputeTable openChecked(TaskClients clients, SinkSettings tableSettings) {
    MaxComputeTable table = clients.open(tableSettings, adapter(tableSettings));
    List<String> problems = TableRequirements.problems(tableSettings, table.schema());
    if (!problems.isEmpty()) {
      table.close();
      throw new ConnectException("Table " + table.name() + " does not fit format " + tableSettings.format()
          + " mode " + tableSettings.mode() + ": " + String.join("; ", problems));
    }
    return table;
  }

  private static TaskClients.Adapter adapter(SinkSettings settings) {
    if (settings.writeMode() == WriteMode.UPSERT) {
      return UpsertTunnelTable::open;
    }
    return settings.useStreaming() ? StreamTunnelTable::open : BatchTunnelTable::open;
  }

  private RowConversion rows(MaxComputeTable table, String tableName) {
    TableSchema schema = table.schema();
    SinkSettings tableSettings = settings.withTable(tableName);
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

  /** The one thread a task's writes run on, named after the connector for thread dumps. */
  private static ExecutorService writeThread(String connectorName) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maxcompute-writer-" + connectorName);
      t.setDaemon(true);
      return t;
    });
  }
}
