package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import java.util.List;

/**
 * The narrow interface between the sink and MaxCompute: everything the write path needs, so
 * unit tests can put a fake behind it. The real one talks to the service through the official SDK.
 */
public interface MaxComputeTable extends AutoCloseable {
  /** "project.table" or "project.schema.table", for messages. */
  String name();

  /** The table's columns and partition columns. */
  TableSchema schema();

  /** A fresh row of the table, every column null. */
  Record newRow();

  /**
   * Writes rows into one partition ({@code partition} null for a non-partitioned table, else the
   * value of {@code pt}), creating the partition when it is missing, and commits them: when this
   * returns every row is visible; when it throws none is. Each row is the value array of a row made
   * by {@link #newRow()} ({@link RowValues}), in the table's column order.
   *
   * @throws TransientWriteException for failures worth retrying (5xx, 429, timeouts, I/O)
   * @throws org.apache.kafka.connect.errors.ConnectException for failures that retrying won't fix
   */
  void write(String partition, List<Object[]> rows);

  @Override
  void close();
}
