package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.benchmarks.ProcessCpuClock;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.sql.SqlOutcome;
import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.stack.ConnectWorker;
import dev.mcsink.stack.StackJars;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures one connector draining one data set into a fresh table of the local MaxCompute: a fresh
 * worker, the connector created, then the table's committed rows counted every {@value
 * #SAMPLE_MILLIS} ms until all the data set's records are there (the table is the judge, not the
 * offsets). The worker's CPU and heap are read alongside.
 */
final class ConnectorRun {
  static final long SAMPLE_MILLIS = 100;
  /** Heap and CPU over JMX are read every this many samples. */
  private static final int PROBE_EVERY = 5;
  private static final Duration STATUS_EVERY = Duration.ofSeconds(2);

  private final LocalMaxCompute maxCompute;
  private final StackJars jars;
  private final String bootstrapServers;
  private final WorkerSettings worker;

  /** The worker's heap and offset flush interval, the same for every connector measured. */
  record WorkerSettings(String heap, List<String> jvmOptions, long offsetFlushMs, Duration timeout) {
  }

  ConnectorRun(LocalMaxCompute maxCompute, StackJars jars, String bootstrapServers, WorkerSettings worker) {
    this.maxCompute = maxCompute;
    this.jars = jars;
    this.bootstrapServers = bootstrapServers;
    this.worker = worker;
  }

  /**
   * @param warmup drained first by the same worker, unmeasured, so that both the worker's and the
   *     service's code are compiled before the clock starts (as the ceiling consumer's is); null for none
   */
  ConnectorResult measure(Candidate candidate, DataSet data, DataSet warmup, boolean streaming, String runName, Path dir)
      throws Exception {
    try (ConnectWorker connect = ConnectWorker.start(jars, dir.resolve(runName), runName, bootstrapServers,
        candidate.pluginPath(), worker.heap(), worker.jvmOptions(), worker.offsetFlushMs());
        WorkerProbe probe = new WorkerProbe(connect.pid(), connect.jmxPort())) {
      if (warmup != null) {
        drain(connect, null, candidate, warmup, streaming, runName + "_warmup");
      }
      return drain(connect, probe, candidate, data, streaming, runName);
    }
  }

  /** Creates the table and the connector and waits for every row; with a probe, measures the worker too. */
  private ConnectorResult drain(ConnectWorker connect, WorkerProbe probe, Candidate candidate, DataSet data,
      boolean streaming, String name) throws Exception {
    TableId table = TableId.of(LocalMaxCompute.DEFAULT_PROJECT, name);
    sql(data.format().createTable(table.table()));
    long cpuBefore = probe == null ? 0 : probe.cpuNanos();
    long serviceCpuBefore = ProcessCpuClock.nanos();
    long collectionsBefore = probe == null ? 0 : probe.collections();
    long peakHeap = 0;
    long peakLive = 0;
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    connect.createConnector(name, connectorConfig(candidate, data, streaming, table.table()));
    long deadline = start + worker.timeout().toNanos();
    long nextStatus = start + STATUS_EVERY.toNanos();
    long rows = 0;
    long now = start;
    for (int i = 0; rows < data.records(); i++) {
      Thread.sleep(SAMPLE_MILLIS); // the sampling period
      now = System.nanoTime();
      rows = committedRows(table);
      samples.add(new Sample((now - start) / 1e9, rows));
      if (probe != null && (i % PROBE_EVERY == 0 || rows >= data.records())) {
        peakHeap = Math.max(peakHeap, probe.heapUsedBytes());
        peakLive = Math.max(peakLive, probe.liveHeapBytes());
      }
      if (now > nextStatus) {
        String failure = connect.failure(name);
        if (failure != null) {
          throw new IllegalStateException(candidate.label() + " failed after " + rows + " rows: " + failure);
        }
        nextStatus = now + STATUS_EVERY.toNanos();
      }
      if (now > deadline) {
        throw new IllegalStateException(candidate.label() + ": " + rows + " of " + data.records()
            + " rows after " + worker.timeout() + "; worker log: " + connect.log());
      }
    }
    long nanos = now - start;
    long cpu = probe == null ? 0 : probe.cpuNanos() - cpuBefore;
    long serviceCpu = ProcessCpuClock.nanos() - serviceCpuBefore;
    long collections = probe == null ? 0 : probe.collections() - collectionsBefore;
    long peakRss = probe == null ? 0 : probe.peakRssBytes();
    // Counted while the connector still runs: what it did to land the data set, nothing after.
    TableActivity activity = maxCompute.activity().of(table);
    connect.deleteConnector(name);
    return new ConnectorResult(candidate, streaming, nanos, countedRows(table), distinctOffsets(table), cpu, serviceCpu,
        peakHeap, peakLive, peakRss, collections, activity, samples);
  }

  private Map<String, String> connectorConfig(Candidate candidate, DataSet data, boolean streaming, String table) {
    return SinkConnectorConfig.pointingAt(maxCompute)
        .connectorClass(candidate.connectorClass())
        .tasksMax(1)
        .topics(data.topic())
        .table(table)
        .partitionWindow("DAY")
        .streaming(streaming)
        .setAll(data.format().connectorSettings())
        .setAll(candidate.overrides())
        .build();
  }

  /**
   * Rows committed so far, from the service's own per-partition record counts (kept at each commit,
   * as the real service's partition metadata is): cheap enough to read every sample, where a
   * COUNT(*) would scan the table each time. The end of a run is checked with SQL as well.
   */
  private long committedRows(TableId table) {
    long rows = 0;
    for (PartitionInfo partition : maxCompute.warehouse().partitions(table)) {
      rows += partition.recordCount();
    }
    return rows;
  }

  /** COUNT(*) through SQL. */
  private long countedRows(TableId table) {
    return sqlNumber(table, "SELECT COUNT(*) AS n FROM " + table.table() + ";");
  }

  private long distinctOffsets(TableId table) {
    return sqlNumber(table, "SELECT COUNT(DISTINCT `partition` * 1000000000000 + `offset`) AS n FROM "
        + table.table() + ";");
  }

  /** The one number a query answers; -1 if it fails. */
  private long sqlNumber(TableId table, String query) {
    SqlOutcome outcome = maxCompute.executeSql(table.project(), table.schema(),
        "set odps.sql.allow.fullscan=true; " + query);
    if (!outcome.success()) {
      return -1;
    }
    String[] lines = outcome.csv().trim().split("\n");
    try {
      return Long.parseLong(lines[lines.length - 1].replace("\"", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void sql(String statement) throws IOException {
    SqlOutcome outcome = maxCompute.executeSql(LocalMaxCompute.DEFAULT_PROJECT, "default", statement);
    if (!outcome.success()) {
      throw new IOException("SQL failed: " + statement + ": " + outcome.errorMessage());
    }
  }
}
