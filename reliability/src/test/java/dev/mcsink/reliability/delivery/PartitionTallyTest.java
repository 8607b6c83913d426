package dev.mcsink.reliability.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTallyTest {
  @Test
  void rowsOfRecordsProducedAfterTheCheckStartedAreLeftOut() {
    PartitionTally tally = tallyExpecting(100, 103);
    for (long offset = 100; offset < 110; offset++) {
      tally.landed(offset);
    }

    PartitionDelivery delivery = tally.delivery(10);

    assertThat(delivery.landed()).isEqualTo(3);
    assertThat(delivery.unexpected()).isZero();
    assertThat(delivery.missing()).isZero();
  }

  @Test
  void rowsBelowTheFirstStoredOffsetAreUnexpected() {
    PartitionTally tally = tallyExpecting(100, 103);
    tally.landed(42);

    assertThat(tally.delivery(10).unexpected()).isEqualTo(1);
  }

  @Test
  void aRecordThatLandedAndWentToAnErrorTopicCountsOnceAsLanded() {
    PartitionTally tally = tallyExpecting(0, 4);
    tally.landed(0);
    tally.landed(1);
    tally.routed(1);
    tally.routed(2);
    tally.routed(99);

    PartitionDelivery delivery = tally.delivery(10);

    assertThat(List.of(delivery.expected(), delivery.landed(), delivery.routedToErrors(), delivery.missing()))
        .containsExactly(4L, 2L, 1L, 1L);
  }

  @Test
  void listsOnlyTheFirstMissingRanges() {
    PartitionTally tally = tallyExpecting(0, 100);
    for (long offset = 0; offset < 100; offset += 3) {
      tally.landed(offset);
    }

    PartitionDelivery delivery = tally.delivery(2);

    assertThat(delivery.missing()).isEqualTo(66);
    assertThat(delivery.firstMissing()).containsExactly(new OffsetRange(1, 2), new OffsetRange(4, 5));
  }

  @Test
  void everyRowOfAPartitionTheTopicDoesNotHaveIsUnexpected() {
    PartitionTally tally = PartitionTally.unknownToTheTopic(7);
    tally.landed(0);
    tally.landed(1_000_000);

    PartitionDelivery delivery = tally.delivery(10);

    assertThat(delivery.partition()).isEqualTo(7);
    assertThat(delivery.unexpected()).isEqualTo(2);
    assertThat(delivery.expected()).isZero();
  }

  private static PartitionTally tallyExpecting(long first, long end) {
    PartitionTally tally = new PartitionTally(0, first, end);
    for (long offset = first; offset < end; offset++) {
      tally.expect(offset);
    }
    return tally;
  }
}
