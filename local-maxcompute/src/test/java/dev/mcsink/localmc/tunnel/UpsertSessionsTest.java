package dev.mcsink.localmc.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcsink.localmc.limits.TableLimits;
import dev.mcsink.localmc.rest.OdpsRequest;
import dev.mcsink.localmc.rest.OdpsResponse;
import dev.mcsink.localmc.rest.ServiceException;
import dev.mcsink.localmc.storage.DuckDbWarehouse;
import dev.mcsink.localmc.storage.KeyedChange;
import dev.mcsink.localmc.types.Column;
import dev.mcsink.localmc.types.MaxComputeType;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/** Upsert session life cycle on the server: layout, expiry, refusals. */
class UpsertSessionsTest {
  private static final String SELF = "127.0.0.1:1234";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private final TableId id = TableId.of("p1", "t");
  @TempDir
  Path dir;
  private DuckDbWarehouse warehouse;
  private UpsertSessions sessions;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir);
    warehouse.ensureProject("p1");
    warehouse.createTable(id, new TableSchema(List.of(new Column("k", MaxComputeType.parse("BIGINT"), "", false),
        Column.of("v", "STRING")), List.of()), new TableProperties(true, List.of("k"), 5), "", -1);
    sessions = new UpsertSessions(warehouse, new TableLimits(false, clock), clock);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  @Test
  void bucketsAreDealtOverTheRequestedSlots() throws Exception {
    JsonNode session = json(sessions.create(id, request("POST", Map.of("slotnum", "2")), SELF));

    assertThat(session.get("slots")).hasSize(2);
    assertThat(session.get("slots").get(0).get("buckets").toString()).isEqualTo("[0,2,4]");
    assertThat(session.get("slots").get(1).get("buckets").toString()).isEqualTo("[1,3]");
    assertThat(session.get("slots").get(1).get("worker_addr").asText()).isEqualTo(SELF);
    assertThat(session.get("hash_key").toString()).isEqualTo("[\"k\"]");
    assertThat(session.get("status").asText()).isEqualTo("normal");
  }

  @Test
  void sessionExpiresAfterItsLifecycle() throws Exception {
    String upsertId = json(sessions.create(id, request("POST", Map.of("lifecycle", "2")), SELF)).get("id").asText();
    clock.add(Duration.ofHours(2).minusSeconds(1));
    assertThat(status(upsertId)).isEqualTo("normal");

    clock.add(Duration.ofSeconds(1));

    assertThat(status(upsertId)).isEqualTo("expired");
    assertThatThrownBy(() -> sessions.commit(id, request("POST", Map.of("upsertid", upsertId)), SELF))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(409));
  }

  @Test
  void sessionWithoutLifecycleLivesADay() throws Exception {
    String upsertId = json(sessions.create(id, request("POST", Map.of()), SELF)).get("id").asText();

    clock.add(Duration.ofHours(24).minusMinutes(1));
    assertThat(status(upsertId)).isEqualTo("normal");
    clock.add(Duration.ofMinutes(1));
    assertThat(status(upsertId)).isEqualTo("expired");
  }

  @Test
  void sessionsPastTheirLifecycleAreForgottenWhenANewOneBegins() throws Exception {
    String old = json(sessions.create(id, request("POST", Map.of("lifecycle", "1")), SELF)).get("id").asText();
    clock.add(Duration.ofHours(1));

    sessions.create(id, request("POST", Map.of()), SELF);

    assertThatThrownBy(() -> status(old)).isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(404));
  }

  @Test
  void unknownSessionIsNotFound() {
    assertThatThrownBy(() -> sessions.reload(id, request("GET", Map.of("upsertid", "nope")), SELF))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).code()).isEqualTo("UpsertSessionNotFound"));
  }

  @Test
  void writeToAnotherSlotThanTheBucketsIsRefused() throws Exception {
    String upsertId = json(sessions.create(id, request("POST", Map.of("slotnum", "2")), SELF)).get("id").asText();

    assertThatThrownBy(() -> sessions.write(id, request("PUT",
        Map.of("upsertid", upsertId, "bucketid", "1", "slotid", "0")), SELF))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(400));
  }

  @Test
  void recordInTheWrongBucketIsRefused() {
    UpsertPack pack = new UpsertPack(warehouse.table(id).orElseThrow());
    Object[] record = {42L, "v", null, null, (byte) 'U', null, List.of()};
    int right = KeyBuckets.bucket(List.of(new Column("k", MaxComputeType.parse("BIGINT"), "", false)),
        new Object[] {42L}, 5).getAsInt();

    assertThat(pack.decode(List.<Object[]>of(record), right)).singleElement()
        .satisfies(c -> assertThat(c.delete()).isFalse());
    assertThatThrownBy(() -> pack.decode(List.<Object[]>of(record), (right + 1) % 5))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("belongs to bucket " + right);
  }

  @Test
  void deleteAndPartialUpdateRecords() {
    UpsertPack pack = new UpsertPack(warehouse.table(id).orElseThrow());
    int bucket = KeyBuckets.bucket(List.of(new Column("k", MaxComputeType.parse("BIGINT"), "", false)),
        new Object[] {7L}, 5).getAsInt();

    List<KeyedChange> changes = pack.decode(List.<Object[]>of(new Object[] {7L, null, null, null, (byte) 'D', null,
        List.of()}), bucket);
    assertThat(changes.get(0).delete()).isTrue();
    assertThatThrownBy(() -> pack.decode(List.<Object[]>of(new Object[] {7L, "v", null, null, (byte) 'U', null,
        List.of(1L)}), bucket)).isInstanceOf(ServiceException.class).hasMessageContaining("Partial update");
  }

  @Test
  void commitsBeyondTheTablesCommitQuotaAreThrottled() throws Exception {
    TableLimits limits = new TableLimits(true, clock);
    limits.setQuota(new TableLimits.Quota(500, 500, 1, 32, 20_000));
    UpsertSessions limited = new UpsertSessions(warehouse, limits, clock);
    String first = json(limited.create(id, request("POST", Map.of()), SELF)).get("id").asText();
    String second = json(limited.create(id, request("POST", Map.of()), SELF)).get("id").asText();
    limited.commit(id, request("POST", Map.of("upsertid", first)), SELF);

    assertThatThrownBy(() -> limited.commit(id, request("POST", Map.of("upsertid", second)), SELF))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(429));
    assertThat(status(limited, second)).as("a throttled commit leaves the session open").isEqualTo("normal");
    clock.add(Duration.ofSeconds(15));
    assertThat(json(limited.commit(id, request("POST", Map.of("upsertid", second)), SELF)).get("status").asText())
        .isEqualTo("committed");
    assertThat(json(limited.commit(id, request("POST", Map.of("upsertid", second)), SELF)).get("status").asText())
        .as("a repeated commit does not count again").isEqualTo("committed");
  }

  @Test
  void commitAfterTheTableWasDroppedIsNotFound() throws Exception {
    String upsertId = json(sessions.create(id, request("POST", Map.of()), SELF)).get("id").asText();
    warehouse.dropTable(id);

    assertThatThrownBy(() -> sessions.commit(id, request("POST", Map.of("upsertid", upsertId)), SELF))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.code()).isEqualTo("NoSuchTable");
        });
  }

  @Test
  void tableWithoutPrimaryKeyRefusesSessions() {
    TableId plain = TableId.of("p1", "plain");
    warehouse.createTable(plain, new TableSchema(List.of(Column.of("k", "BIGINT")), List.of()), "", -1);

    assertThatThrownBy(() -> sessions.create(plain, request("POST", Map.of()), SELF))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(400));
  }

  private String status(String upsertId) throws Exception {
    return status(sessions, upsertId);
  }

  private String status(UpsertSessions from, String upsertId) throws Exception {
    return json(from.reload(id, request("GET", Map.of("upsertid", upsertId)), SELF)).get("status").asText();
  }

  private static OdpsRequest request(String method, Map<String, String> params) {
    return new OdpsRequest(method, "/projects/p1/tables/t/upserts", new HashMap<>(params), Map.of(),
        new ByteArrayInputStream(new byte[0]), "r1");
  }

  private static JsonNode json(OdpsResponse response) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    response.writeBody(out);
    return JSON.readTree(out.toByteArray());
  }
}
