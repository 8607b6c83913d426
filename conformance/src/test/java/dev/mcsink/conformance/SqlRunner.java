package dev.mcsink.conformance;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs SQL the way applications do: {@link SQLTask#run} creates an instance, {@link Instance#waitForSuccess}
 * polls it, {@link SQLTask#getResult} parses the CSV result (every column a STRING, {@code \N} for null).
 */
final class SqlRunner {
  /** SQLTask.run without a task name uses this one; results and statuses are keyed by it. */
  static final String TASK = "AnonymousSQLTask";
  static final String FULLSCAN = "set odps.sql.allow.fullscan=true;\n";
  static final String NULL_TEXT = "\\N";
  private static final long POLL_MILLIS = 50;

  private final Odps odps;

  SqlRunner(Odps odps) {
    this.odps = odps;
  }

  Instance start(String sql) throws OdpsException {
    return SQLTask.run(odps, sql);
  }

  /** Runs a statement that must succeed. */
  void execute(String sql) throws OdpsException {
    start(sql).waitForSuccess(POLL_MILLIS);
  }

  /** Runs a statement with hints (the {@code settings} of the task), in the default project. */
  List<List<String>> query(String sql, Map<String, String> hints) throws OdpsException {
    Instance instance = SQLTask.run(odps, odps.getDefaultProject(), sql, hints, null);
    instance.waitForSuccess(POLL_MILLIS);
    return rows(SQLTask.getResult(instance));
  }

  /** Runs a query that must succeed; rows as the text MaxCompute prints. */
  List<List<String>> query(String sql) throws OdpsException {
    Instance instance = start(sql);
    instance.waitForSuccess(POLL_MILLIS);
    return rows(SQLTask.getResult(instance));
  }

  /** The column names of the header line of the result. */
  List<String> header(String sql) throws OdpsException {
    Instance instance = start(sql);
    instance.waitForSuccess(POLL_MILLIS);
    String csv = instance.getTaskResults().get(TASK);
    String firstLine = csv.split("\n", 2)[0];
    return List.of(firstLine.split(","));
  }

  /** The raw result text of a statement (SHOW, DESC...). */
  String rawResult(String sql) throws OdpsException {
    Instance instance = start(sql);
    instance.waitForSuccess(POLL_MILLIS);
    String result = instance.getTaskResults().get(TASK);
    return result == null ? "" : result;
  }

  /** Runs a query that returns one row with one column. */
  String scalar(String sql) throws OdpsException {
    List<List<String>> rows = query(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  long count(String table) throws OdpsException {
    return Long.parseLong(scalar(FULLSCAN + "SELECT COUNT(*) FROM " + table + ";"));
  }

  /** Waits for the instance to end without checking success, like a client that inspects the outcome. */
  static void awaitTermination(Instance instance) {
    instance.waitForTerminated(POLL_MILLIS, false);
  }

  private static List<List<String>> rows(List<Record> records) {
    List<List<String>> rows = new ArrayList<>();
    if (records == null) {
      return rows;
    }
    for (Record r : records) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.getColumnCount(); i++) {
        row.add(r.getString(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
