package dev.mcsink.reliability.delivery;

import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.LocalMaxCompute;
import java.util.List;

/**
 * A table shaped like the product document's (topic, partition, offset, value), filled through
 * the official SDK's Tunnel as the connector fills it: the rows a test says landed.
 */
final class SinkTable {
  /** One row's origin columns. */
  record Row(String topic, long partition, long offset) {}

  /** One row of a keyed table: its key and value columns. */
  record KeyedRow(long id, String v) {}

  private final Odps odps;
  private final String name;

  private SinkTable(Odps odps, String name) {
    this.odps = odps;
    this.name = name;
  }

  static SinkTable create(LocalMaxCompute mc, String name, boolean partitioned) throws OdpsException {
    Odps odps = client(mc);
    runSql(odps, "CREATE TABLE " + name + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING)"
        + (partitioned ? " PARTITIONED BY (pt STRING)" : ""));
    return new SinkTable(odps, name);
  }

  /**
   * A Delta table as write.mode UPSERT writes: the origin columns, and a value {@code v} per primary
   * key {@code id}; a commit replaces the row of each key it carries.
   */
  static SinkTable createKeyed(LocalMaxCompute mc, String name) throws OdpsException {
    Odps odps = client(mc);
    runSql(odps, "CREATE TABLE " + name + " (topic STRING, `partition` BIGINT, `offset` BIGINT,"
        + " id BIGINT NOT NULL, v STRING, PRIMARY KEY (id)) TBLPROPERTIES (\"transactional\"=\"true\")");
    return new SinkTable(odps, name);
  }

  /** Rows of a keyed table, committed together. */
  void writeKeyed(List<KeyedRow> rows) throws Exception {
    TableTunnel.UploadSession session = new TableTunnel(odps).createUploadSession(odps.getDefaultProject(), name);
    try (RecordWriter writer = session.openRecordWriter(0)) {
      for (KeyedRow row : rows) {
        Record record = session.newRecord();
        record.setBigint("id", row.id());
        record.setString("v", row.v());
        writer.write(record);
      }
    }
    session.commit(new Long[] {0L});
  }

  /** Rows of a table without partitions. */
  void write(List<Row> rows) throws Exception {
    upload(new TableTunnel(odps).createUploadSession(odps.getDefaultProject(), name), rows);
  }

  /** Rows of the table partition pt='{@code pt}', created first. */
  void write(String pt, List<Row> rows) throws Exception {
    runSql(odps, "ALTER TABLE " + name + " ADD PARTITION (pt='" + pt + "')");
    upload(new TableTunnel(odps).createUploadSession(odps.getDefaultProject(), name,
        new PartitionSpec("pt='" + pt + "'")), rows);
  }

  private static void upload(TableTunnel.UploadSession session, List<Row> rows) throws Exception {
    try (RecordWriter writer = session.openRecordWriter(0)) {
      for (Row row : rows) {
        Record record = session.newRecord();
        record.setString("topic", row.topic());
        record.setBigint("partition", row.partition());
        record.setBigint("offset", row.offset());
        record.setString("value", "v");
        writer.write(record);
      }
    }
    session.commit(new Long[] {0L});
  }

  private static Odps client(LocalMaxCompute mc) {
    Odps odps = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
    odps.setEndpoint(mc.endpoint());
    odps.setDefaultProject(LocalMaxCompute.DEFAULT_PROJECT);
    return odps;
  }

  private static void runSql(Odps odps, String sql) throws OdpsException {
    SQLTask.run(odps, sql + ";").waitForSuccess();
  }
}
