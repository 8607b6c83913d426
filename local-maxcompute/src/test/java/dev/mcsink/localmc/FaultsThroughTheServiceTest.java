package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each kind of injected fault, as the official SDK meets it. */
class FaultsThroughTheServiceTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static Odps odps;

  @BeforeAll
  static void createTable() throws Exception {
    odps = client(MC.service());
    SQLTask.run(odps, "CREATE TABLE faulty (id BIGINT);").waitForSuccess(50);
  }

  /** An SDK client of the service's default project. */
  static Odps client(LocalMaxCompute service) {
    Odps client = new Odps(new AliyunAccount(service.accessId(), service.accessKey()));
    client.setEndpoint(service.endpoint());
    client.setDefaultProject(LocalMaxCompute.DEFAULT_PROJECT);
    return client;
  }

  @AfterEach
  void clearFaults() {
    MC.service().faults().clear();
  }

  @Test
  void anInjectedStatusReachesTheClientOnlyAsOftenAsAsked() throws Exception {
    Faults.Rule rule = MC.service().faults().fail(RouteNames.UPLOAD_CREATE, 409, 1);
    TableTunnel tunnel = new TableTunnel(odps);

    assertThatThrownBy(() -> tunnel.createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, "faulty"))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
    assertThat(tunnel.createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, "faulty").getId()).isNotEmpty();
    assertThat(rule.applied()).isEqualTo(1);
  }

  @Test
  void aRestRouteFailsWithAnOdpsErrorBody() {
    MC.service().faults().fail(RouteNames.TABLE, 418, 1);

    assertThatThrownBy(() -> odps.tables().get("faulty").reload())
        .isInstanceOfSatisfying(OdpsException.class, e -> assertThat(e.getMessage()).contains("Fault injected"));
  }

  @Test
  void aDroppedConnectionLeavesTheClientWithATruncatedAnswer() throws Exception {
    Faults.Rule rule = MC.service().faults().drop(RouteNames.DOWNLOAD_CREATE, Faults.FOREVER);
    TableTunnel tunnel = new TableTunnel(odps);

    // The answer stops after a few bytes of the promised body: the SDK cannot read the session.
    assertThatThrownBy(() -> tunnel.createDownloadSession(LocalMaxCompute.DEFAULT_PROJECT, "faulty"))
        .isInstanceOf(TunnelException.class);
    assertThat(rule.applied()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aConnectionDroppedWhileABlockIsSentFailsTheUploadAndStoresNothing() throws Exception {
    TableTunnel tunnel = new TableTunnel(odps);
    TableTunnel.UploadSession session = tunnel.createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, "faulty");
    Faults.Rule rule = MC.service().faults().drop(RouteNames.UPLOAD_BLOCK, 1);

    assertThatThrownBy(() -> {
      try (RecordWriter writer = session.openRecordWriter(0)) {
        for (long id = 0; id < 50_000; id++) {
          Record row = session.newRecord();
          row.setBigint(0, id);
          writer.write(row);
        }
      }
    }).isInstanceOf(IOException.class);
    assertThat(rule.applied()).isEqualTo(1);
    assertThat(session.getBlockList()).as("blocks the service kept").isEmpty();
  }

  @Test
  void aDroppedAnswerComesAfterTheWorkIsDone() throws Exception {
    TableTunnel tunnel = new TableTunnel(odps);
    Faults.Rule rule = MC.service().faults().drop(RouteNames.UPLOAD_CREATE, 1);

    assertThatThrownBy(() -> tunnel.createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, "faulty"))
        .isInstanceOf(TunnelException.class);

    assertThat(rule.applied()).isEqualTo(1);
    assertThat(MC.service().activity().of(dev.mcsink.localmc.types.TableId.of(LocalMaxCompute.DEFAULT_PROJECT, "faulty"))
        .uploadSessions()).as("sessions the service opened").isPositive();
  }

  @Test
  void latencyDelaysTheAnswer() throws Exception {
    MC.service().faults().delay(RouteNames.PROJECT, Duration.ofMillis(400), 1);

    long start = System.nanoTime();
    odps.projects().get(LocalMaxCompute.DEFAULT_PROJECT).reload();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }
}
