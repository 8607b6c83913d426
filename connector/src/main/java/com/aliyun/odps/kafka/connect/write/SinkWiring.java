package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.Odps;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.auth.OdpsClientFactory;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.errors.ErrorRouter;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.kafka.connect.format.TableRequirements;
import com.aliyun.odps.kafka.connect.partition.PartitionValues;
import com.aliyun.odps.tunnel.TableTunnel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Builds a task's {@link SinkWriter} from its settings: the only place the write path meets the
 * client, format, partition and error-routing packages.
 */
public final class SinkWiring {
  private SinkWiring() {
  }

  /** The one thread a task's writes run on, named after the table for thread dumps. */
  private static ExecutorService writeThread(SinkSettings settings) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maxcompute-writer-" + settings.table());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * @throws ConnectException when the table is missing or does not fit the configured format
   */
  public static SinkWriter writer(SinkSettings settings, SinkTaskContext context) {
    OdpsClientFactory clients = new OdpsClientFactory(settings);
    MaxComputeTable table;
    try {
      Odps odps = clients.createOdps();
      table = new ClientsClosingTable(openTable(odps, clients.createTableTunnel(odps), settings), clients);
    } catch (RuntimeException e) {
      ClientsClosingTable.closeClients(clients);
      throw e;
    }
    FailedRecordHandler failedRecords = null;
    try {
      TableSchema schema = table.schema();
      List<String> problems = TableRequirements.problems(settings, schema);
      if (!problems.isEmpty()) {
        throw new ConnectException("Table " + settings.project() + "." + settings.table()
            + " does not fit format " + settings.format() + " mode " + settings.mode() + ": "
            + String.join("; ", problems));
      }
      RecordConverter converter = RecordConverters.create(settings, schema);
      failedRecords = ErrorRouter.create(settings, context);
      TargetPartitions targets = schema.getPartitionColumns().isEmpty()
          ? TargetPartitions.none()
          : partitionValues(settings);
      return new SinkWriter(settings, table, converter, failedRecords, targets, Clock.systemUTC(), context::timeout,
          writeThread(settings));
    } catch (RuntimeException e) {
      if (failedRecords != null) {
        failedRecords.close();
      }
      table.close();
      throw e;
    }
  }

  /** {@code use_streaming}: the streaming Tunnel (low latency), else batch upload sessions. */
  private static MaxComputeTable openTable(Odps odps, TableTunnel tunnel, SinkSettings settings) {
    try {
      return settings.useStreaming()
          ? StreamTunnelTable.open(odps, tunnel, settings)
          : TunnelTable.open(odps, tunnel, settings);
    } catch (TransientWriteException e) {
      // At start there is nothing to keep: let Connect report it (a restart retries).
      throw new ConnectException(e.getMessage(), e);
    }
  }

  private static TargetPartitions partitionValues(SinkSettings settings) {
    PartitionValues values = PartitionValues.of(settings);
    return new TargetPartitions() {
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
