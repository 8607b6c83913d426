package dev.mcsink.localmc.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.activity.TunnelActivity;
import dev.mcsink.localmc.codec.RecordStreamWriter;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.storage.DuckDbWarehouse;
import dev.mcsink.localmc.storage.UploadStage;
import dev.mcsink.localmc.storage.Warehouse;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table dropped while a tunnel request is served, after the request found it: the request
 * answers 404 NoSuchTable, as it would had the drop come first, never a 500 the SDK retries for
 * minutes. The drop is made to land inside the warehouse call that writes or counts the rows.
 */
class TableDroppedMeanwhileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TableId id = TableId.of("p1", "t");
  @TempDir
  Path dir;
  private DuckDbWarehouse warehouse;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir);
    warehouse.ensureProject("p1");
    warehouse.createTable(id, new TableSchema(List.of(Column.of("v", "BIGINT")), List.of()), "", -1);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  @Test
  void anUploadCommit() throws Exception {
    UploadSessions sessions = uploads(dropsFirst(Set.of("commit")));
    String uploadId = JSON.readTree(body(sessions.create(id, request(Map.of())))).get("UploadID").asText();
    sessions.writeBlock(id, request(Map.of("uploadid", uploadId, "blockid", "0"), rows(1L, 2L)));

    assertNoSuchTable(() -> sessions.commit(id, request(Map.of("uploadid", uploadId))));
  }

  @Test
  void anUploadBlock() throws Exception {
    UploadSessions sessions = uploads(dropsFirst(Set.of("writeBlock")));
    String uploadId = JSON.readTree(body(sessions.create(id, request(Map.of())))).get("UploadID").asText();

    assertNoSuchTable(() -> sessions.writeBlock(id, request(Map.of("uploadid", uploadId, "blockid", "0"), rows(1L))));
  }

  @Test
  void aStreamWrite() {
    StreamSessions sessions = new StreamSessions(dropsFirst(Set.of("append")), new TunnelActivity());

    assertNoSuchTable(() -> sessions.write(id, request(Map.of("uploadid", "s1"), rows(1L)), "127.0.0.1:1"));
  }

  @Test
  void aDownloadSession() {
    DownloadSessions sessions = new DownloadSessions(dropsFirst(Set.of("rowCount")));

    assertNoSuchTable(() -> sessions.create(id, request(Map.of())));
  }

  private UploadSessions uploads(Warehouse on) {
    Clock clock = Clock.systemUTC();
    return new UploadSessions(on, new TableLimits(false, clock), new TunnelActivity(), clock);
  }

  private static void assertNoSuchTable(ThrowingCallable request) {
    assertThatThrownBy(request).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.code()).isEqualTo("NoSuchTable");
    });
  }

  /** The warehouse, but the table is dropped just before a call (of it or of an upload stage) named in {@code methods}. */
  private Warehouse dropsFirst(Set<String> methods) {
    return proxy(Warehouse.class, warehouse, methods);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target, Set<String> methods) {
    return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      if (methods.contains(method.getName())) {
        warehouse.dropTable(id);
      }
      try {
        Object result = method.invoke(target, args);
        if (result instanceof Optional<?> stage && stage.orElse(null) instanceof UploadStage s) {
          return Optional.of(proxy(UploadStage.class, s, methods));
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  private static byte[] rows(Long... values) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordStreamWriter writer = new RecordStreamWriter(out, List.of(Column.of("v", "BIGINT")));
    for (Long v : values) {
      writer.write(new Object[] {v});
    }
    writer.finish();
    return out.toByteArray();
  }

  private static OdpsRequest request(Map<String, String> params) {
    return request(params, new byte[0]);
  }

  private static OdpsRequest request(Map<String, String> params, byte[] body) {
    return new OdpsRequest("POST", "/projects/p1/tables/t", new HashMap<>(params), Map.of(),
        new ByteArrayInputStream(body), "r1");
  }

  private static byte[] body(OdpsResponse response) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.writeBody(out);
    return out.toByteArray();
  }
}
