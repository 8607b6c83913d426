package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An upload whose table is dropped before it commits, as the official SDK meets it: the commit
 * answers 404, which the SDK does not retry (a 500 would keep it retrying for about two minutes).
 * A drop landing in the middle of the commit answers the same: {@code tunnel.TableDroppedMeanwhileTest}.
 */
class DroppedTableThroughTheServiceTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  @Test
  void aCommitAfterTheDropIsNotFoundAndNotRetried() throws Exception {
    Odps odps = FaultsThroughTheServiceTest.client(MC.service());
    SQLTask.run(odps, "CREATE TABLE dropped_meanwhile (id BIGINT);").waitForSuccess(50);
    TableTunnel.UploadSession session = new TableTunnel(odps)
        .createUploadSession(LocalMaxCompute.DEFAULT_PROJECT, "dropped_meanwhile");
    try (RecordWriter writer = session.openRecordWriter(0)) {
      Record row = session.newRecord();
      row.setBigint(0, 1L);
      writer.write(row);
    }
    SQLTask.run(odps, "DROP TABLE dropped_meanwhile;").waitForSuccess(50);

    assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        assertThatThrownBy(() -> session.commit(new Long[] {0L}))
            // the SDK rethrows the commit's error without its HTTP status; the code is the 404's
            .isInstanceOfSatisfying(TunnelException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchTable")));
  }
}
