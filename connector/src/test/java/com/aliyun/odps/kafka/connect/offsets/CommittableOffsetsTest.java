package com.aliyun.odps.kafka.connect.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommittableOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  private final CommittableOffsets offsets = new CommittableOffsets();

  @Test
  void aBufferedRecordIsCommittableOnceItsBufferIsWritten() {
    long ticket = offsets.newTicket();
    offsets.buffered(P0, 0, ticket);
    offsets.buffered(P0, 1, ticket);
    assertThat(offsets.committable(Map.of())).isEmpty();

    offsets.written(ticket);

    assertThat(offsets.committable(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void commitLagCountsDeliveredRecordsPastWhatIsCommittableFromTheFirstTakenBeforeAnyIs() {
    long first = offsets.newTicket();
    offsets.buffered(P0, 10, first);
    offsets.buffered(P0, 11, first);
    long second = offsets.newTicket();
    offsets.buffered(P0, 12, second);
    offsets.buffered(P0, 13, second);
    offsets.buffered(P1, 5, second);
    offsets.written(first);
    Map<TopicPartition, OffsetAndMetadata> delivered = Map.of(P0, new OffsetAndMetadata(14), P1, new OffsetAndMetadata(6));

    assertThat(offsets.lag(delivered, offsets.committable(delivered))).as("P0: 14 - 12, P1: 6 - 5").isEqualTo(3);

    offsets.written(second);

    assertThat(offsets.lag(delivered, offsets.committable(delivered))).isZero();
  }

  @Test
  void aRoutedRecordIsCommittableOnlyOnceTheRouteIsFlushed() {
    long ticket = offsets.newTicket();
    offsets.buffered(P0, 0, ticket);
    offsets.routed(P0, 1);
    offsets.written(ticket);
    assertThat(offsets.committable(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));

    offsets.routeFlushed();

    assertThat(offsets.committable(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void withNothingPendingTheDeliveredOffsetIsCommittedForAnOwnedPartition() {
    offsets.open(List.of(P0, P1));
    long ticket = offsets.newTicket();
    offsets.buffered(P0, 0, ticket);

    Map<TopicPartition, OffsetAndMetadata> result = offsets.committable(
        Map.of(P0, new OffsetAndMetadata(9), P1, new OffsetAndMetadata(4)));

    assertThat(result).as("P0 waits for its buffer; P1 has nothing pending")
        .containsExactly(Map.entry(P1, new OffsetAndMetadata(4)));
  }

  @Test
  void aPartitionNotOwnedGetsNoOffsetEvenWhenConnectDeliveredOne() {
    assertThat(offsets.committable(Map.of(P0, new OffsetAndMetadata(3)))).isEmpty();
  }

  @Test
  void aRevokedPartitionIsForgottenAndItsRecordsAreNewWhenItComesBack() {
    long ticket = offsets.newTicket();
    offsets.buffered(P1, 0, ticket);
    assertThat(offsets.isRedelivery(P1, 0)).isTrue();

    offsets.close(List.of(P1));
    offsets.written(ticket);

    assertThat(offsets.committable(Map.of(P1, new OffsetAndMetadata(1)))).isEmpty();
    assertThat(offsets.isRedelivery(P1, 0)).isFalse();
  }

  @Test
  void recordsAtOrBelowTheSkipOffsetAreSkippedAndDoneAtOnce() {
    offsets.open(List.of(P0));
    offsets.skipThrough(P0, 4);

    assertThat(offsets.skip(P0, 3)).isTrue();
    assertThat(offsets.skip(P0, 4)).isTrue();
    assertThat(offsets.committable(Map.of())).as("Kafka's offset moves past what MaxCompute has")
        .containsExactly(Map.entry(P0, new OffsetAndMetadata(5)));

    assertThat(offsets.skip(P0, 5)).as("the first record MaxCompute lacks").isFalse();
    long ticket = offsets.newTicket();
    offsets.buffered(P0, 5, ticket);
    assertThat(offsets.committable(Map.of(P0, new OffsetAndMetadata(6)))).containsExactly(Map.entry(P0, new OffsetAndMetadata(5)));
    offsets.written(ticket);
    assertThat(offsets.committable(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(6)));
  }

  @Test
  void aSkippedRecordRedeliveredAfterARetryIsARedelivery() {
    offsets.skipThrough(P0, 1);
    assertThat(offsets.skip(P0, 0)).isTrue();
    assertThat(offsets.skip(P0, 1)).isTrue();

    assertThat(offsets.isRedelivery(P0, 0)).isTrue();
    assertThat(offsets.isRedelivery(P0, 2)).isFalse();
  }

  @Test
  void onlyThePartitionWithASkipOffsetSkips() {
    offsets.skipThrough(P0, 10);

    assertThat(offsets.skip(P1, 3)).isFalse();
    assertThat(offsets.committable(Map.of())).as("P1 has nothing done").doesNotContainKey(P1);
  }

  @Test
  void aRevokedPartitionForgetsItsSkipOffset() {
    offsets.skipThrough(P0, 10);

    offsets.close(List.of(P0));

    assertThat(offsets.skip(P0, 3)).isFalse();
  }
}
