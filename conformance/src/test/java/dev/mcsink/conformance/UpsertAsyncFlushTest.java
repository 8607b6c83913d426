package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.streams.UpsertStream;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upsert streams flushing on a background executor (SDK 0.57's {@code setAsyncFlushService}; the
 * 0.53 module, whose SDK lacks it, leaves this class out of its compilation).
 */
class UpsertAsyncFlushTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private final Odps odps = SdkClients.odps(MC.service());
  private final TableTunnel tunnel = SdkClients.tunnel(odps);
  private final SqlRunner sql = new SqlRunner(odps);

  @Test
  void asyncFlushedUpsertsAreCommittedByKey() throws Exception {
    String table = UniqueNames.table("upsert_async");
    sql.execute("CREATE TABLE " + table + " (k BIGINT NOT NULL PRIMARY KEY, v STRING)"
        + " TBLPROPERTIES (\"transactional\"=\"true\", \"write.bucket.num\"=\"3\");");
    TableTunnel.UpsertSession session = tunnel.buildUpsertSession(odps.getDefaultProject(), table).build();
    ExecutorService flusher = Executors.newSingleThreadExecutor();
    try (UpsertStream stream = session.buildUpsertStream().setAsyncFlushService(flusher).build()) {
      for (long round = 0; round < 3; round++) {
        for (long k = 0; k < 50; k++) {
          Record r = session.newRecord();
          r.setBigint("k", k);
          r.setString("v", "round" + round);
          stream.upsert(r);
        }
        stream.flush();
      }
    } finally {
      flusher.shutdown();
    }
    session.commit(false);
    session.close();

    assertThat(sql.count(table)).isEqualTo(50);
    assertThat(sql.query(SqlRunner.FULLSCAN + "SELECT DISTINCT v FROM " + table + ";"))
        .containsExactly(java.util.List.of("round2"));
  }
}
