package com.aliyun.odps.kafka.connect.maxcompute;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets state table of exactly-once APPEND, {@code <table>_kafka_offsets} next to the target
 * (same project and schema): one partition per task of each connector ({@code connector=<name>,
 * task=<index>}), holding one {@link OffsetEntry} per Kafka partition that task has written. A task
 * replaces its whole partition on each write (an overwrite upload session: three requests, one
 * small block), so the partition is always one consistent snapshot; readers download it.
 *
 * <p>Created when missing with {@code CREATE TABLE IF NOT EXISTS} (the only SQL job, at the first
 * start of the first task), and a task's partition with {@code ADD IF NOT EXISTS PARTITION} at that
 * task's first start.
 */
final class OffsetsStateTable {
  static final String SUFFIX = "_kafka_offsets";
  private static final String CONNECTOR = "connector";
  private static final String TASK = "task";
  private static final String COLUMNS = "topic STRING, kafka_partition BIGINT, last_offset BIGINT, upload_id STRING,"
      + " block_count BIGINT, table_partition STRING, written_at BIGINT, committed_offset BIGINT";
  private static final long SQL_WAIT_SECONDS = 60;

  private final TableTunnel tunnel;
  private final Table table;
  private final String project;
  /** Null without a schema layer, as {@link TargetTable#schemaName()}. */
  private final String schemaName;
  private final String tableName;
  private final String connector;
  private final PartitionSpec own;

  private OffsetsStateTable(TableTunnel tunnel, Table table, String project, String schemaName, String tableName,
      String connector, PartitionSpec own) {
    this.tunnel = tunnel;
    this.table = table;
    this.project = project;
    this.schemaName = schemaName;
    this.tableName = tableName;
    this.connector = connector;
    this.own = own;
  }

  /**
   * The state table of {@code target}, created when missing, with the partition of this task.
   *
   * @throws TransientWriteException when the service is unavailable
   * @throws org.apache.kafka.connect.errors.ConnectException when the table can't be made or read
   */
  static OffsetsStateTable open(Odps odps, TableTunnel tunnel, TargetTable target, String connector, int task) {
    String project = target.project();
    String schemaName = target.schemaName();
    String tableName = target.tableName() + SUFFIX;
    String qualified = schemaName == null ? project + "." + tableName : project + "." + schemaName + "." + tableName;
    PartitionSpec own = new PartitionSpec();
    own.set(CONNECTOR, connector);
    own.set(TASK, String.valueOf(task));
    try {
      if (!odps.tables().exists(project, schemaName, tableName)) {
        Map<String, String> hints = schemaName == null ? Map.of() : Map.of("odps.namespace.schema", "true");
        SQLTask.run(odps, project, "CREATE TABLE IF NOT EXISTS " + qualified + " (" + COLUMNS + ") PARTITIONED BY ("
            + CONNECTOR + " STRING, " + TASK + " STRING);", hints, null).waitForSuccess(SQL_WAIT_SECONDS);
      }
      Table table = odps.tables().get(project, schemaName, tableName);
      if (!table.hasPartition(own)) {
        table.createPartition(own, true);
      }
      return new OffsetsStateTable(tunnel, table, project, schemaName, tableName, connector, own);
    } catch (Exception e) {
      throw WriteFailures.classify("Preparing the offsets state table " + qualified, e);
    }
  }

  /** This task's entries, as it last wrote them. */
  List<OffsetEntry> readOwn() {
    return read(own);
  }

  /** The entries of every other task of this connector: one partition listing, one download per task. */
  List<OffsetEntry> readOtherTasks() {
    List<PartitionSpec> specs;
    try {
      specs = table.getPartitionSpecs();
    } catch (Exception e) {
      throw WriteFailures.classify("Listing the partitions of " + tableName, e);
    }
    List<OffsetEntry> entries = new ArrayList<>();
    for (PartitionSpec spec : specs) {
      if (connector.equals(spec.get(CONNECTOR)) && !own.get(TASK).equals(spec.get(TASK))) {
        entries.addAll(read(spec));
      }
    }
    return entries;
  }

  /** Replaces this task's entries with {@code entries}, all at once. */
  void overwriteOwn(Collection<OffsetEntry> entries) {
    try {
      TableTunnel.UploadSession session = tunnel.createUploadSession(project, schemaName, tableName, own, true);
      try (RecordWriter writer = session.openRecordWriter(0)) {
        for (OffsetEntry entry : entries) {
          writer.write(toRecord(session.newRecord(), entry));
        }
      }
      UploadCommit.commit(session, UploadCommit.blockIds(1), where(own));
    } catch (TransientWriteException e) {
      throw e;
    } catch (Exception e) {
      throw WriteFailures.classify("Recording offsets in " + where(own), e);
    }
  }

  private List<OffsetEntry> read(PartitionSpec spec) {
    List<OffsetEntry> entries = new ArrayList<>();
    try {
      TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, schemaName, tableName, spec, false);
      long count = session.getRecordCount();
      if (count == 0) {
        return entries;
      }
      try (RecordReader reader = session.openRecordReader(0, count)) {
        for (Record record = reader.read(); record != null; record = reader.read()) {
          entries.add(fromRecord(record));
        }
      }
      return entries;
    } catch (Exception e) {
      throw WriteFailures.classify("Reading offsets from " + where(spec), e);
    }
  }

  private static Record toRecord(Record record, OffsetEntry entry) {
    record.setString("topic", entry.source().topic());
    record.setBigint("kafka_partition", (long) entry.source().partition());
    record.setBigint("last_offset", entry.lastOffset());
    record.setString("upload_id", entry.uploadId());
    record.setBigint("block_count", entry.blockCount());
    record.setString("table_partition", entry.tablePartition() == null ? "" : entry.tablePartition());
    record.setBigint("written_at", entry.writtenAtMs());
    record.setBigint("committed_offset", entry.confirmedOffset());
    return record;
  }

  private static OffsetEntry fromRecord(Record record) {
    String tablePartition = record.getString("table_partition");
    return new OffsetEntry(new TopicPartition(record.getString("topic"), Math.toIntExact(record.getBigint("kafka_partition"))),
        record.getBigint("last_offset"), record.getString("upload_id"), record.getBigint("block_count"),
        tablePartition == null || tablePartition.isEmpty() ? null : tablePartition, record.getBigint("written_at"),
        record.getBigint("committed_offset"));
  }

  private String where(PartitionSpec spec) {
    return "table " + project + "." + tableName + " partition " + spec;
  }
}
