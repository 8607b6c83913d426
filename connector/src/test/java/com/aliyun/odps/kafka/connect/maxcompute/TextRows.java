package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows of the (topic, partition, offset, value) test tables, and SQL to count what landed. */
public final class TextRows {
  private TextRows() {
  }

  /** Rows for offsets [firstOffset, firstOffset + count) of partition 0 of topic "t", as value arrays. */
  static List<Object[]> rows(MaxComputeTable target, long firstOffset, int count) {
    List<Object[]> rows = new ArrayList<>(count);
    for (long offset = firstOffset; offset < firstOffset + count; offset++) {
      Record row = target.newRow();
      row.setString("topic", "t");
      row.setBigint("partition", 0L);
      row.setBigint("offset", offset);
      row.setString("value", "value " + offset);
      rows.add(row.toArray());
    }
    return rows;
  }

  public static long count(Odps odps, String table) throws OdpsException {
    return Long.parseLong(scalar(odps, "SELECT COUNT(*) FROM " + table + ";"));
  }

  public static long distinctOffsets(Odps odps, String table) throws OdpsException {
    return Long.parseLong(scalar(odps, "SELECT COUNT(DISTINCT `offset`) FROM " + table + ";"));
  }

  public static void sql(Odps odps, String statement) throws OdpsException {
    SQLTask.run(odps, statement).waitForSuccess(50);
  }

  /** The first value of the first row of {@code query}, as text. */
  public static String scalar(Odps odps, String query) throws OdpsException {
    Instance instance = SQLTask.run(odps, "project_name", query, Map.of("odps.sql.allow.fullscan", "true"), null);
    instance.waitForSuccess(50);
    List<Record> result = SQLTask.getResult(instance);
    return result.get(0).get(0).toString();
  }
}
