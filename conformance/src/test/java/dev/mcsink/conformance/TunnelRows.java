package dev.mcsink.conformance;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads whole tables or partitions through the Tunnel, as a sink or a reader would. */
final class TunnelRows {
  private final TableTunnel tunnel;
  private final String project;

  TunnelRows(TableTunnel tunnel, String project) {
    this.tunnel = tunnel;
    this.project = project;
  }

  /** One batch upload session, one block, committed: each array holds the data columns in order. */
  void upload(String table, PartitionSpec partition, List<Object[]> rows) throws TunnelException, IOException {
    TableTunnel.UploadSession session = partition == null
        ? tunnel.createUploadSession(project, table)
        : tunnel.createUploadSession(project, table, partition);
    try (RecordWriter writer = session.openRecordWriter(0)) {
      for (Object[] values : rows) {
        writer.write(record(session.newRecord(), values));
      }
    }
    session.commit(new Long[] {0L});
  }

  /** Streams the rows in one pack and flushes it; no commit exists for streams. */
  void stream(String table, PartitionSpec partition, List<Object[]> rows) throws TunnelException, IOException {
    TableTunnel.StreamUploadSession.Builder builder = tunnel.buildStreamUploadSession(project, table);
    if (partition != null) {
      builder.setPartitionSpec(partition).setCreatePartition(true);
    }
    TableTunnel.StreamUploadSession session = builder.build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    for (Object[] values : rows) {
      pack.append(record(session.newRecord(), values));
    }
    pack.flush();
  }

  /** Every row of the table or partition, through one download session. */
  List<Record> download(String table, PartitionSpec partition) throws TunnelException, IOException {
    TableTunnel.DownloadSession session = partition == null
        ? tunnel.createDownloadSession(project, table)
        : tunnel.createDownloadSession(project, table, partition);
    return read(session, 0, session.getRecordCount());
  }

  long downloadCount(String table, PartitionSpec partition) throws TunnelException {
    TableTunnel.DownloadSession session = partition == null
        ? tunnel.createDownloadSession(project, table)
        : tunnel.createDownloadSession(project, table, partition);
    return session.getRecordCount();
  }

  static List<Record> read(TableTunnel.DownloadSession session, long start, long count)
      throws TunnelException, IOException {
    List<Record> records = new ArrayList<>();
    try (RecordReader reader = session.openRecordReader(start, count)) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }
    return records;
  }

  static Record record(Record record, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      record.set(i, values[i]);
    }
    return record;
  }

  /** Rows for a table whose only data column is a BIGINT. */
  static List<Object[]> ids(long... ids) {
    List<Object[]> rows = new ArrayList<>();
    for (long id : ids) {
      rows.add(new Object[] {id});
    }
    return rows;
  }

  static List<Object[]> rows(Object[]... rows) {
    return new ArrayList<>(java.util.Arrays.asList(rows));
  }

  static PartitionSpec spec(String... keyValues) {
    PartitionSpec spec = new PartitionSpec();
    for (int i = 0; i < keyValues.length; i += 2) {
      spec.set(keyValues[i], keyValues[i + 1]);
    }
    return spec;
  }
}
