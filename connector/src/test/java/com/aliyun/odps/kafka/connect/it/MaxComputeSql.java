package com.aliyun.odps.kafka.connect.it;

import com.aliyun.odps.Column;
import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.LocalMaxCompute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.test.TestUtils;

/**
 * MaxCompute SQL through the official SDK, as a user checks what the connector wrote: with
 * {@code set odps.sql.allow.fullscan=true} as the product document does before each SELECT.
 */
public final class MaxComputeSql {
  private static final Map<String, String> FULLSCAN = Map.of("odps.sql.allow.fullscan", "true");
  /** How SQL results show NULL. */
  private static final String NULL_TEXT = "\\N";
  /** Between two SELECTs while waiting: two cores run Kafka, Connect, the connector and MaxCompute. */
  private static final long POLL_MS = 500;

  private final Odps odps;

  private MaxComputeSql(Odps odps) {
    this.odps = odps;
  }

  public static MaxComputeSql on(LocalMaxCompute mc) {
    return new MaxComputeSql(LocalMaxComputeAccess.client(mc));
  }

  public Odps odps() {
    return odps;
  }

  /** The table as the SDK describes it now (its schema, key, properties). */
  public Table table(String name) throws OdpsException {
    Table table = odps.tables().get(name);
    table.reload();
    return table;
  }

  /** Columns as {@code name TYPE}, in table order, for assertions on what a table was made with. */
  public static List<String> described(List<Column> columns) {
    return columns.stream().map(c -> c.getName() + " " + c.getTypeInfo().getTypeName()).collect(Collectors.toList());
  }

  /** Runs a statement (DDL) that must succeed. */
  public void execute(String sql) throws OdpsException {
    SQLTask.run(odps, odps.getDefaultProject(), sql, FULLSCAN, null).waitForSuccess();
  }

  /** The rows of a query, each a map from lower-case column name to its text (null for NULL). */
  public List<Map<String, String>> rows(String sql) throws OdpsException {
    Instance instance = SQLTask.run(odps, odps.getDefaultProject(), sql, FULLSCAN, null);
    instance.waitForSuccess();
    List<Record> records = SQLTask.getResult(instance);
    List<Map<String, String>> rows = new ArrayList<>();
    if (records == null) {
      return rows;
    }
    for (Record r : records) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < r.getColumnCount(); i++) {
        String text = r.getString(i);
        row.put(r.getColumns()[i].getName().toLowerCase(java.util.Locale.ROOT), NULL_TEXT.equals(text) ? null : text);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The table's rows that came from one topic, in (partition, offset) order. */
  public List<Map<String, String>> rowsFromTopic(String table, String topic) throws OdpsException {
    List<Map<String, String>> rows = rows("SELECT * FROM " + table + " WHERE topic = '" + topic + "';");
    rows.sort((a, b) -> {
      int byPartition = Long.compare(Long.parseLong(a.get("partition")), Long.parseLong(b.get("partition")));
      return byPartition != 0 ? byPartition : Long.compare(Long.parseLong(a.get("offset")), Long.parseLong(b.get("offset")));
    });
    return rows;
  }

  /**
   * Waits until at least {@code count} rows of {@code topic} are in {@code table}, then returns them
   * all (more than {@code count} means duplicates, which the caller's assertion shows).
   */
  public List<Map<String, String>> awaitRowsFromTopic(String table, String topic, int count, long timeoutMs,
      Supplier<String> diagnostics) throws InterruptedException {
    AtomicReference<List<Map<String, String>>> seen = new AtomicReference<>(List.of());
    TestUtils.waitForCondition(() -> {
      seen.set(rowsFromTopic(table, topic));
      return seen.get().size() >= count;
    }, timeoutMs, POLL_MS, () -> "expected " + count + " rows of " + topic + " in " + table + " but found "
        + seen.get().size() + ": " + seen.get() + "; " + diagnostics.get());
    return seen.get();
  }

  /**
   * Waits until {@code table} holds a row for every record of {@code topic} below {@code ends}
   * (partition to end offset), then returns how many rows of the topic it holds: more than the
   * records are duplicates. Polls once a second, as each poll reads every row.
   */
  public int awaitEveryRecord(String table, String topic, Map<Integer, Long> ends, long timeoutMs,
      Supplier<String> diagnostics) throws InterruptedException {
    return awaitEveryRecordBut(table, topic, ends, Set.of(), timeoutMs, diagnostics);
  }

  /**
   * As {@link #awaitEveryRecord}, but the records named in {@code routedAway} ({@code partition@offset},
   * e.g. {@code 1@17}) are not expected in the table: they went to an error route.
   */
  public int awaitEveryRecordBut(String table, String topic, Map<Integer, Long> ends, Set<String> routedAway,
      long timeoutMs, Supplier<String> diagnostics) throws InterruptedException {
    Set<String> missing = new HashSet<>();
    int[] rowCount = {0};
    TestUtils.waitForCondition(() -> {
      List<Map<String, String>> rows = rows("SELECT `partition`, `offset` FROM " + table
          + " WHERE topic = '" + topic + "';");
      rowCount[0] = rows.size();
      missing.clear();
      ends.forEach((partition, end) -> {
        for (long offset = 0; offset < end; offset++) {
          missing.add(partition + "@" + offset);
        }
      });
      missing.removeAll(routedAway);
      for (Map<String, String> r : rows) {
        missing.remove(r.get("partition") + "@" + r.get("offset"));
      }
      return missing.isEmpty();
    }, timeoutMs, 1000, () -> missing.size() + " records missing from " + table + " (" + rowCount[0]
        + " rows), e.g. " + missing.stream().limit(20).toList() + "; " + diagnostics.get());
    return rowCount[0];
  }
}
