package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.benchmarks.ProcessCpuClock;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.sink.SinkConnectorConfig;
import dev.mcsink.localmc.sql.SqlOutcome;
import dev.mcsink.localmc.storage.PartitionInfo;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.stack.ConnectWorker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measures one connector draining one data set into a fresh table of the local MaxCompute: a fresh
 * worker, the connector created, then the table's committed rows counted every {@value
 * DrainWatch#SAMPLE_MILLIS} ms until all the data set's records are there (the table is the judge, not
 * the offsets). The worker's CPU and heap are read alongside.
 */
final class ConnectorRun {
  private final LocalMaxCompute maxCompute;
  private final Workers workers;
  private final List<ExtraColumn> extraColumns;

  /** @param extraColumns added to every table created, after the harness's own columns */
  ConnectorRun(LocalMaxCompute maxCompute, Workers workers, List<ExtraColumn> extraColumns) {
    this.maxCompute = maxCompute;
    this.workers = workers;
    this.extraColumns = List.copyOf(extraColumns);
  }

  /**
   * @param warmup drained first by the same worker, unmeasured, so that both the worker's and the
   *     service's code are compiled before the clock starts (as the ceiling consumer's is); null for none
   */
  ConnectorResult measure(Candidate candidate, DataSet data, DataSet warmup, boolean streaming, String runName, Path dir)
      throws Exception {
    try (ConnectWorker connect = workers.start(dir, runName, candidate.pluginPath());
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
    sql(data.format().createTable(table.table(), extraColumns));
    WorkerSpan span = DrainWatch.run(connect, probe, candidate.label(), name,
        connectorConfig(candidate, data, streaming, table.table()), data.records(), () -> committedRows(table),
        workers.timeout());
    // DuckDB checkpoints on its own once its log passes a size, inside whichever commit crosses it:
    // left alone, that cost stalls some later run (a streamed row is written to the log first,
    // then again by the checkpoint). Settled here, it is counted against the rows that caused it.
    long checkpointCpuBefore = ProcessCpuClock.nanos();
    maxCompute.warehouse().checkpoint();
    span = span.withCheckpoint(ProcessCpuClock.nanos() - checkpointCpuBefore);
    // Counted while the connector still runs: what it did to land the data set, nothing after.
    TableActivity activity = maxCompute.activity().of(table);
    connect.deleteConnector(name);
    return new ConnectorResult(candidate, streaming, table.table(), span, countedRows(table), distinctOffsets(table),
        activity);
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
