package com.aliyun.odps.kafka.connect.write;

import static com.aliyun.odps.kafka.connect.write.TestWriters.record;
import static com.aliyun.odps.kafka.connect.write.TestWriters.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** What the writer records in the task's metrics, per batch and per write. */
class SinkWriterMetricsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);

  private final FakeTable table = new FakeTable();
  private final MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC);
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final SinkWriter writer = TestWriters.on(table).clock(clock).metrics(metrics).build();

  @Test
  void recordsReceivedAreCountedOncePerBatchAndBadOnesAsRouted() {
    writer.put(List.of(record(P0, 0, "a"), record(P0, 1, "bad"), record(P0, 2, "b")));

    assertThat(metrics.received).isEqualTo(3);
    assertThat(metrics.receivedCalls).isEqualTo(1);
    assertThat(metrics.routed).isEqualTo(1);
  }

  @Test
  void heldRowsAndTheirAgeShowUntilPreCommitWritesThem() {
    writer.put(records(P0, 0, 4, "a"));

    assertThat(metrics.heldRows).isEqualTo(4);
    assertThat(metrics.heldBytes).isPositive();
    assertThat(metrics.oldestRowAtMs).isEqualTo(clock.millis());

    writer.preCommit(Map.of(P0, new OffsetAndMetadata(4)));

    assertThat(metrics.rowsWritten).isEqualTo(4);
    assertThat(metrics.writes).isEqualTo(1);
    assertThat(metrics.heldRows).isZero();
    assertThat(metrics.heldBytes).isZero();
    assertThat(metrics.oldestRowAtMs).isEqualTo(-1);
  }

  @Test
  void commitLagCountsRecordsNotYetCommittableAndReturnsToZeroOnceWritten() {
    writer.put(records(P0, 0, 3, "a"));
    table.failTransiently(1);

    writer.preCommit(Map.of(P0, new OffsetAndMetadata(3)));

    assertThat(metrics.commitLag).as("nothing committable yet: counted from the first record").isEqualTo(3);
    assertThat(metrics.transientFailures).isEqualTo(1);

    clock.add(Duration.ofMillis(BackgroundWrites.INITIAL_BACKOFF_MS));
    writer.put(records(P0, 3, 1, "a"));
    writer.preCommit(Map.of(P0, new OffsetAndMetadata(4)));

    assertThat(metrics.retries).isEqualTo(1);
    assertThat(metrics.rowsWritten).isEqualTo(4);
    assertThat(metrics.commitLag).isZero();
  }

  @Test
  void redeliveredRecordsAreNotCountedAgain() {
    SinkWriter small = TestWriters.on(table).clock(clock).metrics(metrics).bufferSizeKb(1).build();
    List<SinkRecord> batch =
        List.of(record(P0, 0, "x".repeat(600)), record(P0, 1, "x".repeat(600)), record(P0, 2, "y"));
    table.failTransiently(1);
    assertThatThrownBy(() -> small.put(batch)).isInstanceOf(RetriableException.class);
    clock.add(Duration.ofMillis(BackgroundWrites.INITIAL_BACKOFF_MS));

    small.put(batch);

    assertThat(metrics.received).isEqualTo(3);
  }

  @Test
  void aWriteThatFailsForGoodIsCountedAsFatal() {
    writer.put(records(P0, 0, 1, "a"));
    table.failPermanently();

    writer.preCommit(Map.of());

    assertThat(metrics.fatalFailures).isEqualTo(1);
    assertThat(metrics.rowsWritten).isZero();
  }

  @Test
  void closingTheWriterClosesItsMetrics() {
    writer.close();

    assertThat(metrics.closed).isTrue();
  }
}
