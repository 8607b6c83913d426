package com.aliyun.odps.kafka.connect.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void nothingIsCommittableBeforeAnyRecordIsDone() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 0, ticket);

    assertThat(tracker.committable(P0)).isEmpty();
    assertThat(tracker.committable(P1)).isEmpty();
    assertThat(tracker.hasPending(P0)).isTrue();
  }

  @Test
  void doneRecordsMakeTheNextOffsetCommittable() {
    long ticket = tracker.newTicket();
    for (long offset = 0; offset < 5; offset++) {
      tracker.handed(P0, offset, ticket);
    }

    tracker.done(ticket);

    assertThat(tracker.committable(P0)).hasValue(5);
    assertThat(tracker.hasPending(P0)).isFalse();
  }

  @Test
  void anEarlierRecordNotDoneHoldsBackLaterDoneOnes() {
    long first = tracker.newTicket();
    long second = tracker.newTicket();
    tracker.handed(P0, 0, first);
    tracker.handed(P0, 1, first);
    tracker.handed(P0, 2, second);
    tracker.handed(P0, 3, second);

    tracker.done(second);
    assertThat(tracker.committable(P0)).isEmpty();

    tracker.done(first);
    assertThat(tracker.committable(P0)).hasValue(4);
  }

  @Test
  void interleavedTicketsCommitUpToTheFirstRecordNotDone() {
    long buffer = tracker.newTicket();
    long routed = tracker.newTicket();
    tracker.handed(P0, 0, buffer);
    tracker.handed(P0, 1, routed);
    tracker.handed(P0, 2, buffer);

    tracker.done(routed);
    assertThat(tracker.committable(P0)).isEmpty();

    tracker.done(buffer);
    assertThat(tracker.committable(P0)).hasValue(3);
  }

  @Test
  void offsetsNeedNotBeConsecutive() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 10, ticket);
    tracker.handed(P0, 15, ticket);
    tracker.handed(P0, 42, ticket);

    tracker.done(ticket);

    assertThat(tracker.committable(P0)).hasValue(43);
  }

  @Test
  void oneTicketCoversRecordsOfSeveralPartitions() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 7, ticket);
    tracker.handed(P1, 3, ticket);

    tracker.done(ticket);

    assertThat(tracker.committable(P0)).hasValue(8);
    assertThat(tracker.committable(P1)).hasValue(4);
  }

  @Test
  void committedOffsetStaysWhenLaterRecordsArePending() {
    long first = tracker.newTicket();
    tracker.handed(P0, 0, first);
    tracker.done(first);
    long second = tracker.newTicket();
    tracker.handed(P0, 1, second);

    assertThat(tracker.committable(P0)).hasValue(1);
    assertThat(tracker.hasPending(P0)).isTrue();
  }

  @Test
  void recordsAlreadyHandedAreRecognisedAsRedelivered() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 0, ticket);
    tracker.handed(P0, 1, ticket);

    assertThat(tracker.isRedelivery(P0, 0)).isTrue();
    assertThat(tracker.isRedelivery(P0, 1)).isTrue();
    assertThat(tracker.isRedelivery(P0, 2)).isFalse();
    assertThat(tracker.isRedelivery(P1, 0)).isFalse();
    assertThatThrownBy(() -> tracker.handed(P0, 1, ticket)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doneRecordsStayRedeliveriesAfterTheirOffsetIsCommittable() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 0, ticket);
    tracker.done(ticket);

    assertThat(tracker.isRedelivery(P0, 0)).isTrue();
  }

  @Test
  void forgettingAPartitionKeepsTheOthers() {
    long ticket = tracker.newTicket();
    tracker.handed(P0, 0, ticket);
    tracker.handed(P1, 0, ticket);

    tracker.forget(List.of(P1));
    tracker.done(ticket);

    assertThat(tracker.committable(P0)).hasValue(1);
    assertThat(tracker.committable(P1)).isEmpty();
    assertThat(tracker.isRedelivery(P1, 0)).as("a forgotten partition accepts its records again").isFalse();
    assertThat(tracker.partitions()).containsExactly(P0);
  }
}
