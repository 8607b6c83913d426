package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import com.aliyun.odps.data.Record;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

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
   * "table p.t partition pt='v'" for a partition as {@link #write} takes it, for messages.
   *
   * @param partition the values of the partition columns, '/' between them; null for a non-partitioned table
   */
  default String where(String partition) {
    return TargetTable.where(name(), schema().getPartitionColumns().stream().map(Column::getName)
        .collect(Collectors.toList()), partition);
  }

  /**
   * How rows buffered for this table are kept: a fresh encoder when its writes take rows encoded
   * as they are buffered ({@link WriteBatch#encoded}), null when they take value arrays.
   */
  default RowEncoder rowEncoder() {
    return null;
  }

  /** The table's primary-key columns, in key order; empty unless it is a Delta table. */
  List<String> primaryKey();

  /**
   * Writes rows into one partition ({@code partition} null for a non-partitioned table, else the
   * value of {@code pt}), creating the partition when it is missing, and commits them: when this
   * returns every row is visible; when it throws none is. Each row is the value array of a row made
   * by {@link #newRow()} ({@link RowValues}), in the table's column order. Only an upsert table
   * takes deletes ({@link WriteBatch#isDelete}).
   *
   * @throws TransientWriteException for failures worth retrying (5xx, 429, timeouts, I/O)
   * @throws org.apache.kafka.connect.errors.ConnectException for failures that retrying won't fix
   */
  void write(String partition, WriteBatch batch);

  /** {@link #write(String, WriteBatch)} of rows that all append. */
  default void write(String partition, List<Object[]> rows) {
    write(partition, WriteBatch.of(rows));
  }

  /**
   * For Kafka partitions a task has just been given: the offset of the last record of each that
   * MaxCompute already has committed, when this table knows it (exactly-once); records up to it
   * are not written again. Empty for an at-least-once table.
   *
   * @throws TransientWriteException when the service can't be asked now
   */
  default Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    return Map.of();
  }

  @Override
  void close();
}
