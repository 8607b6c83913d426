package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.aliyun.odps.kafka.connect.write.TestWriters.record;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class SinkWriterTest {
  private static final String TOPIC = "t";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);

  private final FakeTable table = new FakeTable();
  private final RecordingHandler handler = new RecordingHandler();
  private final MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC);
  private final List<Long> timeouts = new ArrayList<>();

  private SinkWriter writer(int bufferSizeKb) {
    return TestWriters.on(table).failedRecords(handler).clock(clock).timeouts(timeouts).bufferSizeKb(bufferSizeKb).build();
  }

  @Test
  void preCommitWritesBufferedRowsAndReturnsTheNextOffsets() {
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0));
    writer.put(records(P0, 0, 3));

    assertThat(table.attempts()).as("nothing written before a trigger").isEmpty();

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2");
    assertThat(table.committedWrites().get(0).partition).isEqualTo("10:00");
    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void aBufferReachingHalfOfBufferSizeIsWrittenDuringPut() {
    SinkWriter writer = writer(2);
    writer.put(List.of(record(P0, 0, "x".repeat(400)), record(P0, 1, "x".repeat(400))));
    assertThat(table.attempts()).isEmpty();

    writer.put(List.of(record(P0, 2, "x".repeat(400))));

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2");
  }

  @Test
  void aClosedPartitionWindowIsWrittenAtTheNextPut() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 2));

    clock.add(Duration.ofSeconds(50));
    writer.put(records(P0, 2, 1));

    assertThat(table.committedWrites()).hasSize(1);
    assertThat(table.committedWrites().get(0).partition).isEqualTo("10:00");
    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1");

    writer.preCommit(Map.of());
    assertThat(table.committedWrites().get(1).partition).isEqualTo("10:01");
    assertThat(table.committedPositions()).endsWith("t/0/2");
  }

  @Test
  void aClosedPartitionWindowIsWrittenEvenWithoutNewRecords() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 2));
    clock.add(Duration.ofMinutes(5));

    writer.put(List.of());

    assertThat(table.committedWrites()).extracting(w -> w.partition).containsExactly("10:00");
  }

  @Test
  void oneWritePerTargetPartitionCoversEveryKafkaPartition() {
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0, P1, P2));
    List<SinkRecord> batch = new ArrayList<>();
    for (long offset = 0; offset < 4; offset++) {
      batch.add(record(P0, offset, "a"));
      batch.add(record(P1, offset, "b"));
      batch.add(record(P2, offset, "c"));
    }
    writer.put(batch);

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(table.attempts()).hasSize(1);
    assertThat(table.committedWrites().get(0).rows).hasSize(12);
    assertThat(offsets).containsOnly(
        Map.entry(P0, new OffsetAndMetadata(4)), Map.entry(P1, new OffsetAndMetadata(4)), Map.entry(P2, new OffsetAndMetadata(4)));
  }

  @Test
  void aTransientFailureInPreCommitKeepsTheRowsAndCommitsNoOffset() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 3));
    table.failTransiently(1);

    Map<TopicPartition, OffsetAndMetadata> failed = writer.preCommit(Map.of(P0, new OffsetAndMetadata(3)));

    assertThat(failed).isEmpty();
    assertThat(table.committedWrites()).isEmpty();

    clock.add(Duration.ofMillis(BackgroundWrites.INITIAL_BACKOFF_MS));
    writer.put(records(P0, 3, 1));
    Map<TopicPartition, OffsetAndMetadata> recovered = writer.preCommit(Map.of());

    assertThat(recovered).containsExactly(Map.entry(P0, new OffsetAndMetadata(4)));
    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2", "t/0/3");
  }

  @Test
  void offsetsWrittenBeforeAFailureStayCommittable() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 2));
    writer.preCommit(Map.of());
    writer.put(records(P0, 2, 2));
    table.failTransiently(1);

    assertThat(writer.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void aTransientFailureInPutAsksConnectToWaitAndLosesNothingOnRedelivery() {
    SinkWriter writer = writer(1);
    List<SinkRecord> batch = List.of(record(P0, 0, "x".repeat(600)), record(P0, 1, "x".repeat(600)), record(P0, 2, "y"));
    table.failTransiently(3);

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class)
          .hasMessageContaining("p.tbl");
      waitAsConnectDoes();
    }
    assertThat(timeouts).containsExactly(1_000L, 2_000L, 4_000L);
    writer.put(batch);
    writer.preCommit(Map.of());

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2");
  }

  @Test
  void backoffStopsGrowingAtItsCeiling() {
    SinkWriter writer = writer(1);
    List<SinkRecord> batch = List.of(record(P0, 0, "x".repeat(2000)));
    table.failTransiently(10);

    for (int attempt = 0; attempt < 10; attempt++) {
      assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class);
      waitAsConnectDoes();
    }

    assertThat(timeouts).startsWith(1_000L, 2_000L, 4_000L, 8_000L, 16_000L).endsWith(30_000L, 30_000L);
    assertThat(timeouts).allMatch(t -> t <= BackgroundWrites.MAX_BACKOFF_MS);
    writer.put(batch);
    assertThat(table.committedPositions()).containsExactly("t/0/0");
  }

  @Test
  void aFailedWriteIsNotTriedAgainBeforeItsBackoffHasPassed() {
    SinkWriter writer = writer(1);
    List<SinkRecord> batch = List.of(record(P0, 0, "x".repeat(2000)));
    table.failTransiently(1);
    assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class);

    clock.add(Duration.ofMillis(400));
    assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class);
    writer.preCommit(Map.of());

    assertThat(table.attempts()).as("attempts within the first second").hasSize(1);
    assertThat(timeouts).as("Connect asked to wait what remains").containsExactly(1_000L, 600L);
    clock.add(Duration.ofMillis(600));
    writer.put(batch);
    assertThat(table.committedPositions()).containsExactly("t/0/0");
  }

  @Test
  void redeliveredRecordsAreNotWrittenTwice() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 5));
    writer.preCommit(Map.of());

    writer.put(records(P0, 3, 4));
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2", "t/0/3", "t/0/4", "t/0/5", "t/0/6");
    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(7)));
  }

  @Test
  void closingOnePartitionKeepsTheBufferedRowsOfTheOthers() {
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0, P1));
    writer.put(List.of(record(P0, 0, "a"), record(P1, 0, "b"), record(P0, 1, "c"), record(P1, 1, "d")));

    writer.close(List.of(P1));
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of(P0, new OffsetAndMetadata(2)));

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1");
    assertThat(offsets).containsOnlyKeys(P0);
  }

  @Test
  void aRevokedPartitionTakenBackStartsAfresh() {
    SinkWriter writer = writer(1024);
    writer.put(records(P1, 0, 2));
    writer.close(List.of(P1));

    writer.open(List.of(P1));
    writer.put(records(P1, 0, 2));
    writer.preCommit(Map.of());

    assertThat(table.committedPositions()).containsExactly("t/1/0", "t/1/1");
  }

  @Test
  void openingMorePartitionsKeepsWhatIsBuffered() {
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0));
    writer.put(records(P0, 0, 2));

    writer.open(List.of(P1));
    writer.preCommit(Map.of());

    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/1");
  }

  @Test
  void aRecordThatDoesNotConvertGoesToTheHandlerWithItsPosition() {
    SinkWriter writer = writer(1024);
    writer.put(List.of(record(P0, 0, "a"), record(P0, 1, "bad"), record(P0, 2, "c")));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(handler.records).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
    assertThat(handler.reasons.get(0)).hasMessageContaining("topic t partition 0 offset 1").hasMessageContaining("value is bad");
    assertThat(handler.flushes).isEqualTo(1);
    assertThat(table.committedPositions()).containsExactly("t/0/0", "t/0/2");
    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void routedRecordsAreNotCommittedUntilTheHandlerFlushes() {
    SinkWriter writer = writer(1024);
    writer.put(List.of(record(P0, 0, "a"), record(P0, 1, "bad")));
    handler.failFlush = true;

    assertThat(writer.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));

    handler.failFlush = false;
    assertThat(writer.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void aPermanentWriteFailureFailsPutNamingTheTableAndPartition() {
    SinkWriter writer = writer(1);
    table.failPermanently();

    assertThatThrownBy(() -> writer.put(List.of(record(P0, 0, "x".repeat(2000)))))
        .isInstanceOf(ConnectException.class)
        .isNotInstanceOf(RetriableException.class)
        .hasMessageContaining("p.tbl")
        .hasMessageContaining("pt='10:00'")
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void aPermanentFailureInPreCommitCommitsNothingAndFailsTheNextPut() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 2));
    table.failPermanently();

    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(2)))).isEmpty();
    assertThatThrownBy(() -> writer.put(records(P0, 2, 1))).isInstanceOf(ConnectException.class).hasMessageContaining("p.tbl");
  }

  @Test
  void offsetsAreKeyedByTheOriginalTopicPartitionAfterAnSmtRenamesTheTopic() {
    SinkWriter writer = writer(1024);
    SinkRecord renamed = new SinkRecord("renamed", 9, null, null, null, "v", 100, 0L, TimestampType.CREATE_TIME,
        new ConnectHeaders(), TOPIC, 0, 5L);
    writer.put(List.of(renamed));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(6)));
  }

  @Test
  void withNothingPendingConnectsOffsetCoversRecordsFilteredOutBySmts() {
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 2));
    Map<TopicPartition, OffsetAndMetadata> delivered = new HashMap<>();
    delivered.put(P0, new OffsetAndMetadata(10));
    delivered.put(P1, new OffsetAndMetadata(4));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(delivered);

    assertThat(offsets).containsOnly(Map.entry(P0, new OffsetAndMetadata(10)), Map.entry(P1, new OffsetAndMetadata(4)));
  }

  @Test
  void connectsOffsetIsIgnoredWhileRowsArePending() {
    SinkWriter writer = writer(1024);
    writer.put(records(P0, 0, 2));
    table.failTransiently(1);

    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(2)))).isEmpty();
  }

  @Test
  void recordsMaxComputeAlreadyHoldsAreSkippedAndTheirOffsetsCommitted() {
    table.alreadyCommitted(Map.of(P0, 4L));
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 3, 5));
    writer.put(records(P1, 0, 2));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(table.committedPositions()).as("3 and 4 are in MaxCompute already")
        .containsExactlyInAnyOrder("t/0/5", "t/0/6", "t/0/7", "t/1/0", "t/1/1");
    assertThat(offsets).containsOnly(Map.entry(P0, new OffsetAndMetadata(8)), Map.entry(P1, new OffsetAndMetadata(2)));
  }

  @Test
  void aBatchOfOnlySkippedRecordsWritesNothingAndMovesTheOffset() {
    table.alreadyCommitted(Map.of(P0, 9L));
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0));
    writer.put(records(P0, 5, 5));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(table.attempts()).isEmpty();
    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(10)));
  }

  @Test
  void whileTheServiceCannotSayWhatItHoldsNothingIsWrittenAndConnectRedelivers() {
    table.alreadyCommitted(Map.of(P0, 4L));
    table.failCommittedOffsetsTransiently(2);
    SinkWriter writer = writer(1024);
    writer.open(List.of(P0));

    assertThatThrownBy(() -> writer.put(records(P0, 3, 5))).as("asked again only after its pause")
        .isInstanceOf(RetriableException.class).hasMessageContaining("Cannot tell yet");
    assertThat(timeouts).containsExactly(1_000L);
    clock.add(Duration.ofSeconds(1));
    assertThatThrownBy(() -> writer.put(records(P0, 3, 5))).isInstanceOf(RetriableException.class);
    assertThat(timeouts).containsExactly(1_000L, 2_000L);
    clock.add(Duration.ofSeconds(2));
    writer.put(records(P0, 3, 5));

    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());
    assertThat(table.committedPositions()).containsExactlyInAnyOrder("t/0/5", "t/0/6", "t/0/7");
    assertThat(offsets).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
  }

  @Test
  void stopClosesTheTableAndTheHandler() {
    SinkWriter writer = writer(1024);
    writer.close();

    assertThat(table.closed()).isTrue();
    assertThat(handler.closed).isTrue();
  }

  private static List<SinkRecord> records(TopicPartition tp, long from, int count) {
    return LongStream.range(from, from + count).mapToObj(o -> record(tp, o, "v" + o)).collect(Collectors.toList());
  }


  /** Connect waits the time the writer asked for before it calls put again. */
  private void waitAsConnectDoes() {
    clock.add(Duration.ofMillis(timeouts.get(timeouts.size() - 1)));
  }
}
