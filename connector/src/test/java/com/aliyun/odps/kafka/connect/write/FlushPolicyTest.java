package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FlushPolicyTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final Instant START = Instant.parse("2024-05-01T10:00:10Z");
  private static final Instant WINDOW_END = Instant.parse("2024-05-01T10:01:00Z");

  private final FlushPolicy batch = FlushPolicy.batch();
  private final FlushPolicy streaming = FlushPolicy.streaming(3, 0, Duration.ofMillis(500));
  private final FlushPolicy upsert = FlushPolicy.upsert(Duration.ofSeconds(20));
  private static final OpenTable TABLE = TestWriters.openTable(new FakeTable());
  private final OpenBuffers buffers = new OpenBuffers(() -> 1L);

  @Test
  void aBatchBufferIsNeverFullAndIsDueWhenItsWindowEnds() {
    RowBuffer buffer = buffered(5, START);

    assertThat(batch.isFull(buffer)).isFalse();
    assertThat(batch.isDue(buffer, START.plusSeconds(40))).isFalse();
    assertThat(batch.isDue(buffer, WINDOW_END)).isTrue();
  }

  @Test
  void batchWritesEverythingWhenAPollIsIdleAndAsksForAnIdlePollWhileRowsWait() {
    assertThat(batch.writesAllWhenIdle()).isTrue();
    assertThat(batch.callAgainWithinMs(buffers, START)).isEmpty();

    buffered(1, START);

    assertThat(batch.callAgainWithinMs(buffers, START)).hasValue(BatchFlushPolicy.IDLE_POLL_MS);
  }

  @Test
  void aStreamingBufferIsFullAtRecordBatchSizeRows() {
    RowBuffer buffer = buffered(2, START);
    assertThat(streaming.isFull(buffer)).isFalse();

    buffered(1, START);

    assertThat(streaming.isFull(buffer)).isTrue();
    assertThat(streaming.writesAllWhenIdle()).isFalse();
  }

  @Test
  void withAPackSizeInBytesAStreamingBufferIsFullAtThoseBytesOrAtRecordBatchSizeRows() {
    // Rows of "v" are estimated at 21 bytes each: two make 42.
    FlushPolicy bySize = FlushPolicy.streaming(1_000, 42, Duration.ofMillis(500));
    RowBuffer buffer = buffered(1, START);
    assertThat(buffer.estimatedBytes()).isEqualTo(21);
    assertThat(bySize.isFull(buffer)).as("21 of 42 bytes").isFalse();

    buffered(1, START);

    assertThat(bySize.isFull(buffer)).as("42 of 42 bytes, 2 of 1,000 rows").isTrue();
    assertThat(FlushPolicy.streaming(2, 1_000_000, Duration.ofMillis(500)).isFull(buffer))
        .as("2 of 2 rows, few bytes").isTrue();
  }

  @Test
  void aStreamingBufferIsDueWhenItsOldestRowHasWaitedTheLatencyBound() {
    RowBuffer buffer = buffered(1, START);
    buffered(1, START.plusMillis(300));

    assertThat(streaming.isDue(buffer, START.plusMillis(499))).isFalse();
    assertThat(streaming.callAgainWithinMs(buffers, START.plusMillis(300))).hasValue(200);
    assertThat(streaming.isDue(buffer, START.plusMillis(500))).isTrue();
    assertThat(streaming.isDue(buffer, WINDOW_END.minusMillis(1))).isTrue();
  }

  @Test
  void anUpsertBufferWaitsTheCommitIntervalAndNotForCommitsOrIdlePolls() {
    RowBuffer buffer = buffered(1, START);
    buffered(1, START.plusSeconds(5));

    assertThat(upsert.isFull(buffer)).isFalse();
    assertThat(upsert.writesAllWhenIdle()).isFalse();
    assertThat(upsert.writesAllOnCommit()).isFalse();
    assertThat(upsert.isDue(buffer, START.plusSeconds(19))).isFalse();
    assertThat(upsert.callAgainWithinMs(buffers, START.plusSeconds(5))).hasValue(15_000);
    assertThat(upsert.isDue(buffer, START.plusSeconds(20))).isTrue();
  }

  @Test
  void anUpsertBufferIsDueWhenItsWindowEndsBeforeTheInterval() {
    RowBuffer buffer = buffered(1, WINDOW_END.minusSeconds(1));

    assertThat(upsert.isDue(buffer, WINDOW_END)).isTrue();
    assertThat(batch.writesAllOnCommit()).isTrue();
    assertThat(streaming.writesAllOnCommit()).isTrue();
  }

  private RowBuffer buffered(int rows, Instant at) {
    RowBuffer buffer = null;
    for (int i = 0; i < rows; i++) {
      buffer = buffers.add(TABLE, Change.row(new Object[] {"v"}, "10:00"), P0, 0, at);
    }
    return buffer;
  }
}
