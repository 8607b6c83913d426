package dev.mcsink.localmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.faults.RouteNames;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import dev.mcsink.localmc.types.TableId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tunnel activity counts what the official SDK did, table by table. The counters move before the
 * answer is sent, so they are exact once an SDK call returns. Each test writes its own table.
 */
class TunnelActivityThroughTheServiceTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final String PROJECT = LocalMaxCompute.DEFAULT_PROJECT;
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static Odps odps;
  private static TableTunnel tunnel;

  @BeforeAll
  static void connect() {
    odps = new Odps(new AliyunAccount(MC.service().accessId(), MC.service().accessKey()));
    odps.setEndpoint(MC.service().endpoint());
    odps.setDefaultProject(PROJECT);
    tunnel = new TableTunnel(odps);
  }

  @AfterEach
  void clearFaults() {
    MC.service().faults().clear();
  }

  @Test
  void aBatchUploadCountsItsSessionBlocksCommitAndCommittedRows() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(PROJECT, table);
    writeBlock(session, 0, 1, 2);
    writeBlock(session, 1, 3);
    writeBlock(session, 2, 4, 5, 6);
    session.commit(new Long[] {0L, 1L, 2L});

    assertThat(activity(table)).isEqualTo(new TableActivity(1, 3, 1, 6, 0, 0, 0));
  }

  @Test
  void aStreamSessionCountsEachFlushAsOnePackWithItsRows() throws Exception {
    String table = newTable();
    TableTunnel.StreamUploadSession session = tunnel.buildStreamUploadSession(PROJECT, table).build();
    TableTunnel.StreamRecordPack pack = session.newRecordPack();
    append(session, pack, 1, 2);
    pack.flush();
    append(session, pack, 3, 4, 5);
    pack.flush();

    assertThat(activity(table)).isEqualTo(new TableActivity(0, 0, 0, 0, 1, 2, 5));
  }

  @Test
  void aBlockRefusedByAFaultIsNotCounted() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(PROJECT, table);
    Faults.Rule rule = MC.service().faults().fail(RouteNames.UPLOAD_BLOCK, 409, 1);

    assertThatThrownBy(() -> writeBlock(session, 0, 1, 2)).isInstanceOf(Exception.class);
    assertThat(rule.applied()).isEqualTo(1);
    assertThat(activity(table).blocks()).isZero();

    writeBlock(session, 0, 1, 2);
    assertThat(activity(table).blocks()).isEqualTo(1);
  }

  @Test
  void aBlockWithAnIdPastTheMaximumIsNotCounted() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(PROJECT, table);
    long pastTheMaximum = MC.service().limits().quota().blocksPerSession();

    assertThatThrownBy(() -> writeBlock(session, pastTheMaximum, 1)).isInstanceOf(Exception.class);

    assertThat(activity(table)).isEqualTo(new TableActivity(1, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void aCommitRepeatedAfterSuccessCountsOnce() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(PROJECT, table);
    writeBlock(session, 0, 1, 2, 3);
    session.commit(new Long[] {0L});
    tunnel.getUploadSession(PROJECT, table, session.getId()).commit(new Long[] {0L});

    assertThat(activity(table).commits()).isEqualTo(1);
    assertThat(activity(table).committedRows()).isEqualTo(3);
  }

  @Test
  void theAdminRouteAnswersTheCountsAsJsonAndDeleteResetsThem() throws Exception {
    String table = newTable();
    TableTunnel.UploadSession session = tunnel.createUploadSession(PROJECT, table);
    writeBlock(session, 0, 1, 2);
    session.commit(new Long[] {0L});
    TableTunnel.StreamUploadSession stream = tunnel.buildStreamUploadSession(PROJECT, table).build();
    TableTunnel.StreamRecordPack pack = stream.newRecordPack();
    append(stream, pack, 7);
    pack.flush();

    JsonNode entry = entryOf(admin("GET"), table);
    assertThat(entry).isNotNull();
    assertThat(entry.path("project").asText()).isEqualTo(PROJECT);
    assertThat(entry.path("schema").asText()).isEqualTo(TableId.DEFAULT_SCHEMA);
    assertThat(entry.path("uploadSessions").asLong()).isEqualTo(1);
    assertThat(entry.path("blocks").asLong()).isEqualTo(1);
    assertThat(entry.path("commits").asLong()).isEqualTo(1);
    assertThat(entry.path("committedRows").asLong()).isEqualTo(2);
    assertThat(entry.path("streamSessions").asLong()).isEqualTo(1);
    assertThat(entry.path("streamPacks").asLong()).isEqualTo(1);
    assertThat(entry.path("streamRows").asLong()).isEqualTo(1);

    JsonNode afterReset = admin("DELETE");
    assertThat(afterReset.path("tables").isArray()).isTrue();
    assertThat(afterReset.path("tables")).isEmpty();
    assertThat(activity(table)).isEqualTo(TableActivity.NONE);
  }

  private static String newTable() throws Exception {
    String table = "activity_" + TABLES.incrementAndGet();
    SQLTask.run(odps, "CREATE TABLE " + table + " (id BIGINT);").waitForSuccess(50);
    return table;
  }

  private static TableActivity activity(String table) {
    return MC.service().activity().of(TableId.of(PROJECT, table));
  }

  private static void writeBlock(TableTunnel.UploadSession session, long blockId, long... ids) throws Exception {
    try (RecordWriter writer = session.openRecordWriter(blockId)) {
      for (long id : ids) {
        Record row = session.newRecord();
        row.setBigint(0, id);
        writer.write(row);
      }
    }
  }

  private static void append(TableTunnel.StreamUploadSession session, TableTunnel.StreamRecordPack pack,
      long... ids) throws Exception {
    for (long id : ids) {
      Record row = session.newRecord();
      row.setBigint(0, id);
      pack.append(row);
    }
  }

  private static JsonNode admin(String method) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(MC.service().tunnelEndpoint() + "/__admin/activity"))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static JsonNode entryOf(JsonNode answer, String table) {
    for (JsonNode entry : answer.path("tables")) {
      if (entry.path("table").asText().equals(table)) {
        return entry;
      }
    }
    return null;
  }
}
