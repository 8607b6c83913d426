package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.offsets.CommittableOffsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class AlreadyCommittedTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  private final FakeTable table = new FakeTable();
  private final MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
  private final AlreadyCommitted alreadyCommitted = new AlreadyCommitted(() -> table, clock);
  private final CommittableOffsets offsets = new CommittableOffsets();

  @Test
  void assignedPartitionsAreAskedAboutAtOnceAndTheirKnownRecordsSkipped() {
    table.alreadyCommitted(Map.of(P0, 41L));

    alreadyCommitted.assigned(List.of(P0, P1), offsets);

    assertThat(alreadyCommitted.skipKnown(offsets)).isTrue();
    assertThat(offsets.skip(P0, 41)).as("41 is in MaxCompute").isTrue();
    assertThat(offsets.skip(P0, 42)).isFalse();
    assertThat(alreadyCommitted.lastFailure()).isNull();
  }

  @Test
  void anOutageIsAskedAboutAgainAfterGrowingPausesForAsLongAsItLasts() {
    table.failCommittedOffsetsTransiently(3);
    alreadyCommitted.assigned(List.of(P0), offsets);

    assertThat(alreadyCommitted.skipKnown(offsets)).isFalse();
    assertThat(alreadyCommitted.untilAskedAgain()).isEqualTo(Duration.ofSeconds(1));
    assertThat(alreadyCommitted.lastFailure()).hasMessageContaining("503");
    clock.add(Duration.ofSeconds(1));
    assertThat(alreadyCommitted.skipKnown(offsets)).isFalse();
    assertThat(alreadyCommitted.untilAskedAgain()).isEqualTo(Duration.ofSeconds(2));
    clock.add(Duration.ofSeconds(2));
    assertThat(alreadyCommitted.skipKnown(offsets)).isFalse();
    assertThat(alreadyCommitted.untilAskedAgain()).isEqualTo(Duration.ofSeconds(4));
    clock.add(Duration.ofSeconds(4));

    assertThat(alreadyCommitted.skipKnown(offsets)).isTrue();
    assertThat(alreadyCommitted.lastFailure()).isNull();
  }

  @Test
  void revokedPartitionsAreNotAskedAbout() {
    table.failCommittedOffsetsTransiently(1);
    alreadyCommitted.assigned(List.of(P0), offsets);

    alreadyCommitted.revoked(List.of(P0));

    assertThat(alreadyCommitted.skipKnown(offsets)).isTrue();
  }
}
