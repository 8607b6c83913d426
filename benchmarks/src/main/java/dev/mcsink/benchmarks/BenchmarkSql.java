package dev.mcsink.benchmarks;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import java.util.List;

/** SQL through the SDK as applications run it: {@link SQLTask#run}, poll the instance, read the CSV result. */
final class BenchmarkSql {
  private static final long POLL_MILLIS = 50;

  private final Odps odps;

  BenchmarkSql(Odps odps) {
    this.odps = odps;
  }

  void execute(String sql) throws OdpsException {
    SQLTask.run(odps, sql).waitForSuccess(POLL_MILLIS);
  }

  /** {@code SELECT COUNT(*)} of one partition, as the server answers it. */
  long countRows(String table, String partitionColumn, String partitionValue) throws OdpsException {
    Instance instance = SQLTask.run(odps, "SELECT COUNT(*) FROM " + table
        + " WHERE " + partitionColumn + " = '" + partitionValue + "';");
    instance.waitForSuccess(POLL_MILLIS);
    List<Record> result = SQLTask.getResult(instance);
    if (result.size() != 1 || result.get(0).getColumnCount() != 1) {
      throw new IllegalStateException("COUNT(*) of " + table + " answered " + result.size() + " rows");
    }
    return Long.parseLong(result.get(0).getString(0));
  }
}
