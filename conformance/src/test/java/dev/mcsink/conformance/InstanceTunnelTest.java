package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Instance;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.InstanceTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.TunnelRecordReader;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A SELECT's result through the instance tunnel ({@code POST /projects/{p}/instances/{id}?downloads},
 * {@code GET …?downloadid=&data&rowrange=}), what SQLTask.getResultByInstanceTunnel and JDBC read;
 * the instance summary and the bearer token a LogView asks for.
 */
class InstanceTunnelTest {
  private static final String TABLE = "tunnel_source";

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final SqlRunner sql = new SqlRunner(odps);

  @BeforeAll
  static void createAndFill() throws Exception {
    SqlRunner sql = new SqlRunner(SdkClients.odps(MC.service()));
    sql.execute("CREATE TABLE " + TABLE + " (id BIGINT, name STRING, amount DECIMAL(10,2), ok BOOLEAN);");
    sql.execute("INSERT INTO " + TABLE + " VALUES (1, 'a', 1.50BD, true), (2, 'b', NULL, false), (3, NULL, 3.25BD, NULL);");
  }

  @Test
  void aDownloadSessionHasTheResultsSchemaAndCount() throws Exception {
    Instance instance = finished("SELECT id, name, amount, ok, id * 2 FROM " + TABLE + " ORDER BY id;");

    InstanceTunnel.DownloadSession session = new InstanceTunnel(odps).createDownloadSession(odps.getDefaultProject(), instance.getId());

    assertThat(session.getRecordCount()).isEqualTo(3);
    assertThat(session.getSchema().getColumns()).extracting(c -> c.getName()).containsExactly("id", "name", "amount", "ok", "_c4");
    assertThat(session.getSchema().getColumns()).extracting(c -> c.getTypeInfo().getOdpsType())
        .containsExactly(OdpsType.BIGINT, OdpsType.STRING, OdpsType.DECIMAL, OdpsType.BOOLEAN, OdpsType.BIGINT);
  }

  @Test
  void recordsArriveTypedAndInOrder() throws Exception {
    Instance instance = finished("SELECT id, name, amount, ok FROM " + TABLE + " ORDER BY id;");
    InstanceTunnel.DownloadSession session = new InstanceTunnel(odps).createDownloadSession(odps.getDefaultProject(), instance.getId());

    List<Record> records = read(session.openRecordReader(0, session.getRecordCount()));

    assertThat(records).hasSize(3);
    assertThat(records.get(0).getBigint("id")).isEqualTo(1L);
    assertThat(records.get(0).getString("name")).isEqualTo("a");
    assertThat(records.get(0).getDecimal("amount")).isEqualByComparingTo(new BigDecimal("1.50"));
    assertThat(records.get(0).getBoolean("ok")).isTrue();
    assertThat(records.get(1).getDecimal("amount")).isNull();
    assertThat(records.get(2).getString("name")).isNull();
    assertThat(records.get(2).getBoolean("ok")).isNull();
  }

  @Test
  void aRowRangeReadsPartOfTheResult() throws Exception {
    Instance instance = finished("SELECT id FROM " + TABLE + " ORDER BY id;");
    InstanceTunnel.DownloadSession session = new InstanceTunnel(odps).createDownloadSession(odps.getDefaultProject(), instance.getId());

    List<Record> records = read(session.openRecordReader(1, 2));

    assertThat(records).extracting(r -> r.getBigint(0)).containsExactly(2L, 3L);
  }

  @Test
  void sqlTaskReadsTheResultThroughTheInstanceTunnel() throws Exception {
    Instance instance = finished("SELECT name FROM " + TABLE + " WHERE id < 3 ORDER BY id;");

    List<Record> records = SQLTask.getResultByInstanceTunnel(instance, SqlRunner.TASK, 10L);

    assertThat(records).extracting(r -> r.getString(0)).containsExactly("a", "b");
  }

  @Test
  void aStatementWithoutResultHasNoDownload() throws Exception {
    Instance instance = finished("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT);");

    assertThatThrownBy(() -> new InstanceTunnel(odps).createDownloadSession(odps.getDefaultProject(), instance.getId()))
        .isInstanceOf(TunnelException.class)
        .hasMessageContaining("InstanceTypeNotSupported");
  }

  @Test
  void anUnknownInstanceHasNoDownload() {
    assertThatThrownBy(() -> new InstanceTunnel(odps).createDownloadSession(odps.getDefaultProject(), "20240101000000abc"))
        .isInstanceOf(TunnelException.class)
        .hasMessageContaining("Instance not found");
  }

  @Test
  void theInstanceSummaryCountsTheRowsAnInsertWrote() throws Exception {
    String target = UniqueNames.table("summary");
    sql.execute("CREATE TABLE " + target + " (id BIGINT);");
    Instance instance = finished("INSERT INTO " + target + " SELECT id FROM " + TABLE + ";");

    Instance.TaskSummary summary = instance.getTaskSummary(SqlRunner.TASK);

    assertThat(summary.getJsonSummary()).contains("\"Outputs\":{\"" + odps.getDefaultProject() + "." + target + "\":[3,");
  }

  @Test
  void aBearerTokenIsSignedForAnInstancePolicy() throws Exception {
    Instance instance = finished("SELECT 1;");
    String policy = "{\"expires_in_hours\": 24, \"policy\": {\"Statement\": [{\"Action\": [\"odps:Read\"],"
        + " \"Effect\": \"Allow\", \"Resource\": \"acs:odps:*:projects/" + odps.getDefaultProject() + "/instances/"
        + instance.getId() + "\"}], \"Version\": \"1\"}}";

    String token = odps.projects().get().getSecurityManager().generateAuthorizationToken(policy, "Bearer");

    assertThat(token).isNotBlank();
    assertThatThrownBy(() -> odps.projects().get().getSecurityManager().generateAuthorizationToken("not json", "Bearer"))
        .isInstanceOf(OdpsException.class)
        .hasMessageContaining("policy");
  }

  private Instance finished(String query) throws Exception {
    Instance instance = sql.start(query);
    instance.waitForSuccess(50);
    return instance;
  }

  private static List<Record> read(TunnelRecordReader reader) throws Exception {
    List<Record> records = new ArrayList<>();
    try (reader) {
      for (Record r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }
    return records;
  }
}
