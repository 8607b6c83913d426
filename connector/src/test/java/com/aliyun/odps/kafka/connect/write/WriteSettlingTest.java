package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What a buffer holds between its write ending and the task settling it. */
class WriteSettlingTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final Instant TEN = Instant.parse("2024-05-01T10:00:10Z");

  private final OpenBuffers buffers = new OpenBuffers(() -> 1L);

  @Test
  void aBufferWrittenAndCommittedLetsItsRowsGoBeforeItIsSettled() {
    FakeTable fake = new FakeTable();
    RowBuffer written = buffers.add(TestWriters.openTable(fake), Change.row(new Object[] {"t", 0L, 0L, "x"}, "10:00"), P0, 0, TEN);
    List<Long> committed = new ArrayList<>();
    BackgroundWrites writes = new BackgroundWrites(null, Clock.systemUTC(), committed::add,
        new RecordingMetrics());

    writes.handOver(buffers.take(written));

    assertThat(written.holdsRows()).isFalse();
    assertThat(committed).isEmpty();
    assertThat(writes.settleFinished()).isTrue();
    assertThat(committed).containsExactly(written.ticket());
  }

  @Test
  void aBufferWhoseWriteFailedKeepsItsRowsForTheRetry() {
    FakeTable fake = new FakeTable();
    fake.failTransiently(1);
    RowBuffer failed = buffers.add(TestWriters.openTable(fake), Change.row(new Object[] {"t", 0L, 0L, "x"}, "10:00"), P0, 0, TEN);
    BackgroundWrites writes = new BackgroundWrites(null, Clock.systemUTC(), ticket -> { },
        new RecordingMetrics());

    writes.handOver(buffers.take(failed));

    assertThat(writes.settleFinished()).isFalse();
    assertThat(failed.holdsRows()).isTrue();
  }

}
