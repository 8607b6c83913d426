package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.streams.UpsertStream;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/** An upsert session expires after its lifecycle on the service's clock, as the SDK sees it. */
class UpsertExpiryThroughTheServiceTest {
  private static final MutableClock CLOCK = MutableClock.of(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.clock(CLOCK));

  @Test
  void expiredSessionReportsItAndRefusesItsCommit() throws Exception {
    Odps odps = FaultsThroughTheServiceTest.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE expiring (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\");").waitForSuccess(50);
    TableTunnel.UpsertSession session = new TableTunnel(odps)
        .buildUpsertSession(LocalMaxCompute.DEFAULT_PROJECT, "expiring").setLifecycle(1).build();
    try (UpsertStream stream = session.buildUpsertStream().build()) {
      Record r = session.newRecord();
      r.setBigint("k", 1L);
      stream.upsert(r);
    }

    CLOCK.add(Duration.ofHours(1));

    assertThat(session.getStatus()).isEqualTo("expired");
    assertThatThrownBy(() -> session.commit(false))
        .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
    session.close();
  }
}
