package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.streams.UpsertStream;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults injected on the upsert routes, as the official SDK meets them. */
class UpsertFaultsThroughTheServiceTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final String TABLE = "keyed";
  private static Odps odps;

  @BeforeAll
  static void createTable() throws Exception {
    odps = FaultsThroughTheServiceTest.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE " + TABLE + " (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"2\");").waitForSuccess(50);
  }

  @AfterEach
  void clearFaults() {
    MC.service().faults().clear();
  }

  @Test
  void aFailedCreateReachesTheClient() throws Exception {
    Faults.Rule rule = MC.service().faults().fail(RouteNames.UPSERT_CREATE, 409, 1);
    TableTunnel tunnel = new TableTunnel(odps);

    assertThatThrownBy(() -> tunnel.buildUpsertSession(LocalMaxCompute.DEFAULT_PROJECT, TABLE).build())
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
    assertThat(rule.applied()).isEqualTo(1);
  }

  @Test
  void aFailedWriteReachesTheListenerAndTheFlush() throws Exception {
    TableTunnel.UpsertSession session = new TableTunnel(odps)
        .buildUpsertSession(LocalMaxCompute.DEFAULT_PROJECT, TABLE).build();
    Faults.Rule rule = MC.service().faults().fail(RouteNames.UPSERT_WRITE, 409, 1);
    UpsertStream stream = session.buildUpsertStream().setListener(new GiveUp()).build();
    Record r = session.newRecord();
    r.setBigint("k", 1L);
    stream.upsert(r);

    assertThatThrownBy(stream::flush).isInstanceOf(TunnelException.class).hasMessageContaining("Fault injected");
    assertThat(rule.applied()).isEqualTo(1);
    session.abort();
    session.close();
  }

  @Test
  void aFailedCommitLeavesTheSessionOpenForAnotherCommit() throws Exception {
    TableTunnel.UpsertSession session = new TableTunnel(odps)
        .buildUpsertSession(LocalMaxCompute.DEFAULT_PROJECT, TABLE).build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      Record r = session.newRecord();
      r.setBigint("k", 5L);
      r.setString("v", "five");
      stream.upsert(r);
    }
    MC.service().faults().fail(RouteNames.UPSERT_COMMIT, 409, 1);

    assertThatThrownBy(() -> session.commit(false)).isInstanceOf(TunnelException.class);
    assertThat(MC.service().warehouse().rowCount(TableId.of(LocalMaxCompute.DEFAULT_PROJECT, TABLE),
        PartitionSpec.empty())).isZero();
    session.commit(false);

    assertThat(MC.service().warehouse().rowCount(TableId.of(LocalMaxCompute.DEFAULT_PROJECT, TABLE),
        PartitionSpec.empty())).isEqualTo(1);
    session.close();
  }

  /** A listener that never retries a failed flush, so the failure reaches the caller at once. */
  private static final class GiveUp implements UpsertStream.Listener {
    @Override
    public void onFlush(UpsertStream.FlushResult result) {
    }

    @Override
    public boolean onFlushFail(Exception error, int retry) {
      return false;
    }
  }
}
