package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.config.TableRouting;
import com.aliyun.odps.kafka.connect.config.WriteMode;
import com.aliyun.odps.kafka.connect.errors.ErrorRouter;
import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.maxcompute.BatchTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.StreamTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.TaskClients;
import com.aliyun.odps.kafka.connect.maxcompute.UpsertTunnelTable;
import com.aliyun.odps.kafka.connect.metrics.TaskMetrics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Builds a task's {@link SinkWriter} from its settings: the only place the write path meets the
 * client and error-routing packages, and the one place {@code write.mode} and {@code use_streaming}
 * choose the write path: the MaxCompute adapter and the flush policy that goes with it.
 */
public final class SinkWiring {
  private SinkWiring() {
  }

  /**
   * With one table, opens it now; with tables by topic (or tables created when missing), each
   * opens with its first record.
   *
   * @throws ConnectException when the one table is missing or does not fit the configured format
   */
  public static SinkWriter writer(SinkSettings settings, SinkTaskContext context) {
    TableRouting routing = settings.tableRouting();
    TaskClients.Adapter adapter = adapter(settings);
    TaskMetrics metrics = TaskMetrics.register(context, settings.connectorName(), settings.taskIndex());
    TaskClients clients = null;
    MaxComputeTable single = null;
    FailedRecordHandler failedRecords = null;
    try {
      clients = TaskClients.connect(settings, metrics);
      metrics.credentials(clients::credentialRefreshes, clients::credentialRefreshFailures);
      // The one table is opened first: a table that can't be written fails the start before any route opens.
      if (routing.isSingleTable() && !routing.autoCreate()) {
        single = TableOpener.openChecked(clients, adapter, settings.withTable(settings.table()));
      }
      ErrorRouter router = ErrorRouter.create(settings, context);
      failedRecords = router;
      metrics.errorRoute(router.kind());
      TableOpener opener = new TableOpener(settings, clients, adapter, failedRecords);
      OpenTables tables = single != null
          ? OpenTables.single(opener.wrap(settings.table(), single), opener, opener, clients)
          : OpenTables.routed(routing::tableFor, opener, opener, clients);
      return new SinkWriter(tables, policy(settings), failedRecords, new MemoryCap(settings.bufferSizeKb() * 1024L),
          Clock.systemUTC(), context::timeout, context::requestCommit, writeThread(settings.connectorName()), metrics);
    } catch (RuntimeException e) {
      if (failedRecords != null) {
        failedRecords.close();
      }
      if (single != null) {
        single.close();
      }
      if (clients != null) {
        clients.close();
      }
      metrics.close();
      throw e;
    }
  }

  private static TaskClients.Adapter adapter(SinkSettings settings) {
    if (settings.writeMode() == WriteMode.UPSERT) {
      return UpsertTunnelTable::open;
    }
    return settings.useStreaming() ? StreamTunnelTable::open : BatchTunnelTable::open;
  }

  private static FlushPolicy policy(SinkSettings settings) {
    if (settings.writeMode() == WriteMode.UPSERT) {
      return FlushPolicy.upsert(settings.upsertCommitInterval());
    }
    if (settings.useStreaming()) {
      return FlushPolicy.streaming(settings.recordBatchSize(), settings.streamPackBytes(), settings.streamMaxLatency());
    }
    return FlushPolicy.batch();
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
