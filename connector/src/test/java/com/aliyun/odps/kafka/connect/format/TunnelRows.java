package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;
import java.util.ArrayList;
import java.util.List;

/** Converted rows through the official SDK's batch Tunnel: uploaded in one session, read back in order. */
final class TunnelRows {
  private TunnelRows() {
  }

  /** Writes {@code rows} (made by {@code session.newRecord()}) as one block and commits the session. */
  static void upload(TableTunnel.UploadSession session, Record... rows) throws Exception {
    try (RecordWriter writer = session.openRecordWriter(0)) {
      for (Record row : rows) {
        writer.write(row);
      }
    }
    session.commit(new Long[] {0L});
  }

  static List<Record> download(TableTunnel tunnel, String project, String table, PartitionSpec pt) throws Exception {
    TableTunnel.DownloadSession session = tunnel.createDownloadSession(project, table, pt);
    List<Record> rows = new ArrayList<>();
    try (RecordReader reader = session.openRecordReader(0, session.getRecordCount())) {
      Record row;
      while ((row = reader.read()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }
}
