package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class AlreadyCommittedTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);

  private final FakeTable table = new FakeTable();
  private final List<Duration> pauses = new ArrayList<>();
  private final AlreadyCommitted alreadyCommitted = new AlreadyCommitted(table, pauses::add);

  @Test
  void aTransientFailureIsAskedAgainAfterAGrowingPause() {
    table.alreadyCommitted(Map.of(P0, 41L));
    table.failCommittedOffsetsTransiently(2);

    assertThat(alreadyCommitted.of(List.of(P0))).containsExactly(Map.entry(P0, 41L));
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aLongerOutageFailsTheTaskWithTheReason() {
    table.failCommittedOffsetsTransiently(100);

    assertThatThrownBy(() -> alreadyCommitted.of(List.of(P0)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("p.tbl")
        .hasMessageContaining("503");
    assertThat(pauses).as("bounded: 15 s in all").hasSize(4)
        .extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L);
  }
}
