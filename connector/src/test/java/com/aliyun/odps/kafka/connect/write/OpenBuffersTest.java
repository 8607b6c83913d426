package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OpenBuffersTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final Instant TEN = Instant.parse("2024-05-01T10:00:10Z");
  private static final Instant ELEVEN = Instant.parse("2024-05-01T10:01:10Z");

  private final AtomicLong tickets = new AtomicLong();
  private static final OpenTable TABLE = TestWriters.openTable(new FakeTable());
  private final OpenBuffers buffers = new OpenBuffers(tickets::incrementAndGet);

  @Test
  void rowsOfOneTablePartitionShareABufferAndItsTicket() {
    RowBuffer first = buffers.add(TABLE, Change.row(row(10), "10:00"), P0, 0, TEN);
    RowBuffer second = buffers.add(TABLE, Change.row(row(10), "10:00"), P1, 0, TEN);
    RowBuffer other = buffers.add(TABLE, Change.row(row(10), "10:01"), P0, 0, ELEVEN);

    assertThat(second).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(other.ticket()).isNotEqualTo(first.ticket());
    assertThat(buffers.bytes()).isEqualTo(first.estimatedBytes() + other.estimatedBytes());
  }

  @Test
  void aBufferTakenOutNoLongerCountsAndTheNextRowOpensANewOne() {
    RowBuffer first = buffers.add(TABLE, Change.row(row(10), "10:00"), P0, 0, TEN);

    buffers.take(first);

    assertThat(buffers.bytes()).isZero();
    assertThat(buffers.isEmpty()).isTrue();
    assertThat(buffers.add(TABLE, Change.row(row(10), "10:00"), P0, 0, TEN)).isNotSameAs(first);
  }

  @Test
  void theLargestBuffersAreTakenUntilAtMostTheGivenBytesStayOpen() {
    RowBuffer small = buffers.add(TABLE, Change.row(row(10), "10:00"), P0, 0, TEN);
    RowBuffer large = buffers.add(TABLE, Change.row(row(1000), "10:01"), P0, 0, ELEVEN);

    List<RowBuffer> taken = buffers.takeLargestDownTo(small.estimatedBytes());

    assertThat(taken).containsExactly(large);
    assertThat(buffers.bytes()).isEqualTo(small.estimatedBytes());
  }

  @Test
  void droppingARevokedPartitionKeepsTheOthersRowsAndClosesEmptiedBuffers() {
    RowBuffer mixed = buffers.add(TABLE, Change.row(row(10), "10:00"), P0, 0, TEN);
    buffers.add(TABLE, Change.row(row(10), "10:00"), P1, 0, TEN);
    buffers.add(TABLE, Change.row(row(10), "10:01"), P1, 0, ELEVEN);

    buffers.dropRowsOf(List.of(P1));

    assertThat(mixed.size()).isEqualTo(1);
    assertThat(buffers.bytes()).isEqualTo(mixed.estimatedBytes());
    assertThat(buffers.takeAll()).containsExactly(mixed);
  }

  @Test
  void theOldestRowOfAnyBufferIsKnown() {
    assertThat(buffers.oldestRowAt()).isNull();
    buffers.add(TABLE, Change.row(row(1), "10:01"), P0, 0, ELEVEN);
    buffers.add(TABLE, Change.row(row(1), "10:00"), P0, 0, TEN);

    assertThat(buffers.oldestRowAt()).isEqualTo(TEN);
  }

  @Test
  void aBufferThatKeepsValuesKeepsACopyOfTheConversionsArray() {
    Object[] reused = row(3);
    RowBuffer buffer = buffers.add(TABLE, Change.row(reused, "10:00"), P0, 0, TEN);
    reused[0] = "next record";
    buffers.add(TABLE, Change.row(reused, "10:00"), P0, 1, TEN);

    assertThat(buffer.batch().rows()).extracting(values -> values[0]).containsExactly("xxx", "next record");
  }

  private static Object[] row(int chars) {
    return new Object[] {"x".repeat(chars)};
  }
}
