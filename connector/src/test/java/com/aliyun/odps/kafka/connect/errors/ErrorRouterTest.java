package com.aliyun.odps.kafka.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.record.RegexRouterRename;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorRouterTest {
  private static final String BAD_KEY = "unknown column 'extendinfos'";

  private final List<Map<String, Object>> producerConfigs = new ArrayList<>();
  private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();

  // --- the product document's table: error topic set → the error topic, whatever skip_error says

  @ParameterizedTest(name = "skip_error={0}")
  @ValueSource(booleans = {false, true})
  void errorTopicReceivesTheRecordWhateverSkipErrorSays(boolean skipError) {
    ErrorRouter router = router(settings(skipError, "runtime_error"), FakeSinkTaskContext.withoutReporter());

    router.handle(record("topic_abnormal", 0, 3, "101", "{\"id\":101,\"extendinfos\":\"null\"}"), reason());
    router.flush();

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(sent.topic()).isEqualTo("runtime_error");
    assertThat(text(sent.key())).isEqualTo("101");
    assertThat(text(sent.value())).isEqualTo("{\"id\":101,\"extendinfos\":\"null\"}");
  }

  @Test
  void errorTopicRecordNamesTheErrorAndTheSource() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());

    router.handle(record("topic_abnormal", 2, 41, "k", "v"), reason());
    router.flush();

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(header(sent, "mc.error.message")).isEqualTo(BAD_KEY);
    assertThat(header(sent, "mc.error.class")).isEqualTo(RecordConversionException.class.getName());
    assertThat(header(sent, "mc.source.topic")).isEqualTo("topic_abnormal");
    assertThat(header(sent, "mc.source.partition")).isEqualTo("2");
    assertThat(header(sent, "mc.source.offset")).isEqualTo("41");
    assertThat(sent.timestamp()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void errorTopicRecordNamesTheOriginalSourceWhenAnSmtRenamedTheTopic() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    SinkRecord renamed = record("topic_abnormal", 2, 41, "k", "v").newRecord("renamed", 0, null, "k",
        null, "v", 1_700_000_000_000L);

    router.handle(renamed, reason());

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(header(sent, "mc.source.topic")).isEqualTo("topic_abnormal");
    assertThat(header(sent, "mc.source.partition")).isEqualTo("2");
  }

  @Test
  void errorTopicRecordNamesTheOriginalSourceWhenRegexRouterRenamedTheTopic() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());

    router.handle(RegexRouterRename.withPrefix("renamed_", record("topic_abnormal", 2, 41, "k", "v")), reason());

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(header(sent, "mc.source.topic")).isEqualTo("topic_abnormal");
    assertThat(header(sent, "mc.source.partition")).isEqualTo("2");
    assertThat(header(sent, "mc.source.offset")).isEqualTo("41");
  }

  @Test
  void errorTopicRecordKeepsTheOriginalHeaders() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("trace-id", "t-1");
    headers.addBytes("raw", new byte[] {1, 2, 3});
    SinkRecord withHeaders = new SinkRecord("t", 0, null, "k", null, "v", 7, 1L,
        TimestampType.CREATE_TIME, headers);

    router.handle(withHeaders, reason());

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(header(sent, "trace-id")).isEqualTo("t-1");
    assertThat(sent.headers().lastHeader("raw").value()).containsExactly(1, 2, 3);
  }

  @Test
  void errorTopicRecordCarriesBytesAsTheyAreAndNullsAsNull() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    byte[] value = {0, (byte) 0xff, 10};

    router.handle(new SinkRecord("t", 0, Schema.OPTIONAL_BYTES_SCHEMA, null, Schema.BYTES_SCHEMA, value, 5),
        reason());

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(sent.key()).isNull();
    assertThat(sent.value()).containsExactly(0, 0xff, 10);
  }

  @Test
  void errorTopicRecordCarriesStructsAndMapsAsJson() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    Schema info = SchemaBuilder.struct().field("region", Schema.STRING_SCHEMA).build();
    Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA)
        .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).field("info", info).build();
    Struct struct = new Struct(schema).put("id", 101L).put("name", "json-4").put("tags", List.of("a", "b"))
        .put("info", new Struct(info).put("region", "beijing"));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", 7);
    map.put("extendinfos", null);

    router.handle(new SinkRecord("t", 0, null, map, schema, struct, 5), reason());

    ProducerRecord<byte[], byte[]> sent = onlySent();
    assertThat(text(sent.value()))
        .isEqualTo("{\"id\":101,\"name\":\"json-4\",\"tags\":[\"a\",\"b\"],\"info\":{\"region\":\"beijing\"}}");
    assertThat(text(sent.key())).isEqualTo("{\"id\":7,\"extendinfos\":null}");
  }

  @Test
  void errorTopicProducerTakesTheUsersSecuritySettingsButAlwaysAcksAll() {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("security.protocol", "SASL_SSL");
    overrides.put("sasl.mechanism", "PLAIN");
    overrides.put("acks", "1");
    overrides.put("name", "runtime_error");
    SinkSettings settings = base().skipError(false).errorTopic("runtime_error")
        .errorTopicBootstrapServers("http://broker-1:9092, https://broker-2:9093/")
        .errorTopicProducerOverrides(overrides).build();
    ErrorRouter router = router(settings, FakeSinkTaskContext.withoutReporter());

    router.handle(record("t", 0, 0, "k", "v"), reason());

    assertThat(producerConfigs).hasSize(1);
    Map<String, Object> config = producerConfigs.get(0);
    assertThat(config).containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9093")
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("enable.idempotence", true).containsEntry("acks", "all")
        .containsEntry("key.serializer", ByteArraySerializer.class.getName())
        .containsEntry("value.serializer", ByteArraySerializer.class.getName())
        .doesNotContainKey("name");
  }

  @Test
  void errorTopicProducerIsCreatedOnFirstUseOnly() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    router.flush();
    assertThat(producers).isEmpty();

    router.handle(record("t", 0, 0, "k", "v"), reason());
    router.handle(record("t", 0, 1, "k", "v"), reason());

    assertThat(producers).hasSize(1);
    assertThat(producers.get(0).history()).hasSize(2);
  }

  @Test
  void flushFailsWhenARecordDidNotReachTheErrorTopicAndNamesIt() {
    ErrorRouter router = router(settings(true, "runtime_error"), FakeSinkTaskContext.withoutReporter(), false);
    router.handle(record("topic_abnormal", 0, 9, "k", "v"), reason());
    producers.get(0).errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));

    assertThatThrownBy(router::flush).isInstanceOf(ConnectException.class)
        .hasMessageContaining("runtime_error").hasMessageContaining("topic topic_abnormal, partition 0, offset 9")
        .hasMessageContaining("broker down");
    assertThat(producers.get(0).closed()).isTrue();
  }

  @Test
  void afterAFailedFlushTheNextRecordGoesThroughAFreshProducer() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter(), false);
    router.handle(record("t", 0, 9, "k", "v"), reason());
    producers.get(0).errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));
    assertThatThrownBy(router::flush).isInstanceOf(ConnectException.class);

    router.handle(record("t", 0, 9, "k", "v"), reason());
    router.flush();

    assertThat(producers).hasSize(2);
    assertThat(producers.get(1).history()).hasSize(1);
  }

  @Test
  void flushWaitsForPendingSends() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter(), false);
    router.handle(record("t", 0, 9, "k", "v"), reason());

    router.flush();

    assertThat(producers.get(0).flushed()).isTrue();
  }

  @Test
  void closeClosesTheErrorTopicProducer() {
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withoutReporter());
    router.handle(record("t", 0, 0, "k", "v"), reason());

    router.close();

    assertThat(producers.get(0).closed()).isTrue();
  }

  @Test
  void errorTopicWinsOverConnectsReporter() {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingAll();
    ErrorRouter router = router(settings(false, "runtime_error"), FakeSinkTaskContext.withReporter(reporter));

    router.handle(record("t", 0, 0, "k", "v"), reason());

    assertThat(reporter.records).isEmpty();
    assertThat(producers.get(0).history()).hasSize(1);
  }

  @Test
  void errorTopicNameWithoutBootstrapServersIsRefused() {
    SinkSettings settings = base().errorTopic("runtime_error").build();

    assertThatThrownBy(() -> router(settings, FakeSinkTaskContext.withoutReporter()))
        .isInstanceOf(ConnectException.class).hasMessageContaining("runtime.error.topic.bootstrap.servers");
  }

  // --- Connect's errant record reporter (dead-letter queue) when there is no error topic

  @ParameterizedTest(name = "skip_error={0}")
  @ValueSource(booleans = {false, true})
  void withoutErrorTopicConnectsReporterReceivesTheRecordItself(boolean skipError) {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingAll();
    ErrorRouter router = router(settings(skipError, ""), FakeSinkTaskContext.withReporter(reporter));
    SinkRecord record = record("t", 0, 3, "k", "v");
    Exception reason = reason();

    router.handle(record, reason);

    assertThat(reporter.records).containsExactly(record);
    assertThat(reporter.reasons).containsExactly(reason);
    assertThat(producers).isEmpty();
  }

  @Test
  void flushFailsUntilConnectHasReportedEveryRecord() {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingAll();
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withReporter(reporter));
    router.handle(record("t", 0, 3, "k", "v"), reason());
    router.handle(record("t", 0, 4, "k", "v"), reason());
    reporter.futures.get(0).complete(null);
    reporter.futures.get(1).completeExceptionally(new IllegalStateException("dlq unavailable"));

    assertThatThrownBy(router::flush).isInstanceOf(ConnectException.class)
        .hasMessageContaining("topic t, partition 0, offset 4").hasMessageContaining("dlq unavailable");
  }

  @Test
  void flushReturnsOnceConnectHasReportedEveryRecord() {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingAll();
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withReporter(reporter));
    router.handle(record("t", 0, 3, "k", "v"), reason());
    reporter.futures.get(0).complete(null);

    router.flush();

    assertThat(reporter.futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
  }

  @Test
  void connectToleranceNoneStopsTheTaskWhenSkipErrorIsFalse() {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingNone();
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withReporter(reporter));

    assertThatThrownBy(() -> router.handle(record("t", 1, 8, "k", "v"), reason()))
        .isInstanceOf(ConnectException.class).hasMessageContaining("topic t, partition 1, offset 8")
        .hasMessageContaining(BAD_KEY);
    assertThat(reporter.records).hasSize(1);
  }

  @Test
  void skipErrorGoesOnWhenConnectToleranceIsNone() {
    FakeErrantRecordReporter reporter = FakeErrantRecordReporter.toleratingNone();
    ErrorRouter router = router(settings(true, ""), FakeSinkTaskContext.withReporter(reporter));

    router.handle(record("t", 1, 8, "k", "v"), reason());
    router.flush();

    assertThat(reporter.records).hasSize(1);
  }

  // --- no error topic, no reporter

  @Test
  void skipErrorWithoutAnyRouteGoesOn() {
    ErrorRouter router = router(settings(true, ""), FakeSinkTaskContext.withoutReporter());

    router.handle(record("topic_x", 2, 17, "k", "v"), reason());
    router.flush();

    assertThat(router.toString()).contains("skipped");
    assertThat(producers).isEmpty();
  }

  @Test
  void skippedRecordsLeaveOneWarningEachNamingTheRecord() {
    WarningsLogger log = new WarningsLogger();
    SkipRoute skip = new SkipRoute(log);

    skip.handle(record("topic_x", 2, 17, "k", "v"), reason());
    skip.handle(record("topic_x", 2, 18, "k", "v"), reason());

    assertThat(log.warnings).hasSize(2);
    assertThat(log.warnings.get(0)).contains("topic topic_x, partition 2, offset 17").contains(BAD_KEY);
    assertThat(log.warnings.get(1)).contains("offset 18");
  }

  @Test
  void connectToleranceAllWithoutAReporterSkipsEvenWhenSkipErrorIsFalse() {
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withConfigs(Map.of("errors.tolerance", "all")));

    router.handle(record("topic_x", 2, 17, "k", "v"), reason());

    assertThat(router.toString()).contains("skipped").contains("errors.tolerance=all");
  }

  @Test
  void connectToleranceNoneWithoutAReporterStopsTheTask() {
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withConfigs(Map.of("errors.tolerance", "none")));

    assertThatThrownBy(() -> router.handle(record("topic_x", 2, 17, "k", "v"), reason()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void withoutAnyRouteTheTaskStopsNamingTheRecordAndTheReason() {
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withoutReporter());
    Exception reason = reason();

    assertThatThrownBy(() -> router.handle(record("topic_x", 2, 17, "k", "v"), reason))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("topic topic_x, partition 2, offset 17").hasMessageContaining(BAD_KEY)
        .hasCause(reason);
  }

  @Test
  void aStoppedTaskNamesTheOriginalSourceWhenRegexRouterRenamedTheTopic() {
    ErrorRouter router = router(settings(false, ""), FakeSinkTaskContext.withoutReporter());
    SinkRecord renamed = RegexRouterRename.withPrefix("renamed_", record("topic_x", 2, 17, "k", "v"));

    assertThatThrownBy(() -> router.handle(renamed, reason()))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("topic topic_x, partition 2, offset 17").hasMessageNotContaining("renamed_");
  }

  @ParameterizedTest(name = "skip_error={0} → {1}")
  @CsvSource({"true, skipped", "false, the task stops"})
  void olderWorkersWithoutTheReporterFallBackToSkipError(boolean skipError, String expected) {
    ErrorRouter router = router(settings(skipError, ""), FakeSinkTaskContext.ofOlderWorker());

    assertThat(router.toString()).contains(expected);
  }

  @Test
  void bootstrapServersLoseTheirUrlScheme() {
    assertThat(ErrorTopicRoute.withoutScheme("http://XXXX")).isEqualTo("XXXX");
    assertThat(ErrorTopicRoute.withoutScheme("HTTPS://a:9092/,b:9092")).isEqualTo("a:9092,b:9092");
    assertThat(ErrorTopicRoute.withoutScheme("localhost:9092")).isEqualTo("localhost:9092");
  }

  // --- helpers

  private ErrorRouter router(SinkSettings settings, FakeSinkTaskContext context) {
    return router(settings, context, true);
  }

  private ErrorRouter router(SinkSettings settings, FakeSinkTaskContext context, boolean autoComplete) {
    return ErrorRouter.create(settings, context, config -> {
      producerConfigs.add(config);
      MockProducer<byte[], byte[]> producer =
          new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
      producers.add(producer);
      return (Producer<byte[], byte[]>) producer;
    });
  }

  private static SinkSettings.Builder base() {
    return SinkSettings.builder().endpoint("http://127.0.0.1:1/api").project("project_name").table("t");
  }

  private static SinkSettings settings(boolean skipError, String errorTopic) {
    return base().skipError(skipError).errorTopic(errorTopic)
        .errorTopicBootstrapServers(errorTopic.isEmpty() ? "" : "http://XXXX").build();
  }

  private static SinkRecord record(String topic, int partition, long offset, String key, String value) {
    return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, key, Schema.STRING_SCHEMA, value, offset,
        1_700_000_000_000L, TimestampType.CREATE_TIME);
  }

  private static Exception reason() {
    return new RecordConversionException(BAD_KEY);
  }

  private ProducerRecord<byte[], byte[]> onlySent() {
    assertThat(producers).hasSize(1);
    assertThat(producers.get(0).history()).hasSize(1);
    return producers.get(0).history().get(0);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String key) {
    Header h = record.headers().lastHeader(key);
    assertThat(h).as("header %s", key).isNotNull();
    return text(h.value());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
