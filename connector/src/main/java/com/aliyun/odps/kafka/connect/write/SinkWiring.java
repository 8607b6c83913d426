package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.errors.ErrorRouter;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import com.aliyun.odps.kafka.connect.maxcompute.BatchTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.ClientsClosingTable;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.StreamTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.UpsertTunnelTable;
import com.aliyun.odps.kafka.connect.partition.PartitionValues;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.errors.ConnectException;
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
  private SinkWiring() {
  }

  /**
   * @throws ConnectException when the table is missing or does not fit the configured format
   */
  public static SinkWriter writer(SinkSettings settings, SinkTaskContext context) {
    FlushPolicy policy;
    MaxComputeTable table;
    boolean upsert = settings.writeMode() == WriteMode.UPSERT;
    if (upsert) {
      policy = FlushPolicy.upsert(settings.upsertCommitInterval());
      table = ClientsClosingTable.open(settings, UpsertTunnelTable::open);
    } else if (settings.useStreaming()) {
      policy = FlushPolicy.streaming(settings.recordBatchSize(), settings.streamMaxLatency());
      table = ClientsClosingTable.open(settings, StreamTunnelTable::open);
    } else {
      policy = FlushPolicy.batch();
      table = ClientsClosingTable.open(settings, BatchTunnelTable::open);
    }
    FailedRecordHandler failedRecords = null;
    try {
      TableSchema schema = table.schema();
      List<String> problems = TableRequirements.problems(settings, schema);
      if (!problems.isEmpty()) {
        throw new ConnectException("Table " + table.name() + " does not fit format " + settings.format()
            + " mode " + settings.mode() + ": " + String.join("; ", problems));
      }
      failedRecords = ErrorRouter.create(settings, context);
      RowConversion rows;
      if (upsert) {
        rows = new RowConversion(table, RecordConverters.createUpsert(settings, schema, table.primaryKey()), failedRecords);
      } else {
        if (!table.primaryKey().isEmpty()) {
          log.info("write.mode APPEND into Delta table {} (primary key {}): the service applies Tunnel writes to it"
              + " by key, so rows with one key replace each other; deletes need write.mode UPSERT",
              table.name(), table.primaryKey());
        }
        rows = new RowConversion(table, RecordConverters.create(settings, schema), failedRecords);
      }
      TablePartitions partitions = schema.getPartitionColumns().isEmpty()
          ? TablePartitions.none()
          : partitionValues(settings);
      return new SinkWriter(table, policy, rows, partitions, new MemoryCap(settings.bufferSizeKb() * 1024L),
          Clock.systemUTC(), context::timeout, writeThread(table));
    } catch (RuntimeException e) {
      if (failedRecords != null) {
        failedRecords.close();
      }
      table.close();
      throw e;
    }
  }

  /** The one thread a task's writes run on, named after the table for thread dumps. */
  private static ExecutorService writeThread(MaxComputeTable table) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maxcompute-writer-" + table.name());
      t.setDaemon(true);
      return t;
    });
  }

  private static TablePartitions partitionValues(SinkSettings settings) {
    PartitionValues values = PartitionValues.of(settings);
    return new TablePartitions() {
      @Override
      public String valueAt(Instant now) {
        return values.valueAt(now);
      }

      @Override
      public Instant windowEnd(Instant now) {
        return values.windowEnd(now);
      }
    };
  }
}
