package com.aliyun.odps.kafka.connect.maxcompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecoveredOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  /** Sessions in a given state; records what was asked and committed. */
  private static final class FakeSessions implements DataSessions {
    final Map<String, State> states = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    final List<String> committed = new ArrayList<>();

    @Override
    public State stateOf(OffsetEntry entry) {
      asked.add(entry.uploadId());
      State state = states.get(entry.uploadId());
      if (state == null) {
        throw new TransientWriteException("HTTP 503: unavailable", null);
      }
      return state;
    }

    @Override
    public void commit(OffsetEntry entry) {
      committed.add(entry.uploadId());
      states.put(entry.uploadId(), State.COMMITTED);
    }
  }

  private final FakeSessions sessions = new FakeSessions();

  private static OffsetEntry pending(TopicPartition tp, long last, String uploadId, long confirmedBefore) {
    return new OffsetEntry(tp, last, uploadId, 2, "pt1", 0, confirmedBefore);
  }

  @Test
  void theNewestEntryWhoseSessionIsCommittedWins() {
    sessions.states.put("u1", DataSessions.State.COMMITTED);
    sessions.states.put("u2", DataSessions.State.COMMITTED);

    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0),
        List.of(pending(P0, 10, "u1", -1), pending(P0, 20, "u2", 10)), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 20L));
    assertThat(sessions.asked).as("the newest answers; older entries are not asked").containsExactly("u2");
  }

  @Test
  void aConfirmedEntryCostsNoRequest() {
    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0),
        List.of(pending(P0, 7, "u1", -1).confirmed()), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 7L));
    assertThat(sessions.asked).isEmpty();
  }

  @Test
  void aSessionUploadedButNotCommittedIsCommittedAndCounts() {
    sessions.states.put("u1", DataSessions.State.UPLOADED);

    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0), List.of(pending(P0, 15, "u1", 9)), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 15L));
    assertThat(sessions.committed).containsExactly("u1");
  }

  @Test
  void aGoneSessionFallsBackToWhatItsEntryKnewCommitted() {
    sessions.states.put("u2", DataSessions.State.GONE);

    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0), List.of(pending(P0, 30, "u2", 12)), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 12L));
    assertThat(sessions.committed).isEmpty();
  }

  @Test
  void aGoneSessionFallsBackToTheNextLowerEntryOfAnotherTask() {
    sessions.states.put("u2", DataSessions.State.GONE);
    sessions.states.put("u1", DataSessions.State.COMMITTED);

    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0),
        List.of(pending(P0, 30, "u2", -1), pending(P0, 18, "u1", -1)), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 18L));
    assertThat(sessions.asked).containsExactly("u2", "u1");
  }

  @Test
  void aLowerEntryIsNotAskedWhenTheFallbackCoversIt() {
    sessions.states.put("u2", DataSessions.State.GONE);

    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P0),
        List.of(pending(P0, 30, "u2", 25), pending(P0, 20, "u1", -1)), sessions);

    assertThat(result).containsExactly(Map.entry(P0, 25L));
    assertThat(sessions.asked).containsExactly("u2");
  }

  @Test
  void nothingCommittedAnywhereGivesNoOffset() {
    sessions.states.put("u1", DataSessions.State.GONE);

    assertThat(RecoveredOffsets.of(List.of(P0), List.of(pending(P0, 5, "u1", -1)), sessions)).isEmpty();
  }

  @Test
  void onlyTheRequestedPartitionsAreAnswered() {
    Map<TopicPartition, Long> result = RecoveredOffsets.of(List.of(P1),
        List.of(pending(P0, 5, "u1", -1), pending(P1, 3, "u3", -1).confirmed()), sessions);

    assertThat(result).containsExactly(Map.entry(P1, 3L));
    assertThat(sessions.asked).isEmpty();
  }

  @Test
  void aTransientFailureIsPassedOn() {
    assertThatThrownBy(() -> RecoveredOffsets.of(List.of(P0), List.of(pending(P0, 5, "unknown", -1)), sessions))
        .isInstanceOf(TransientWriteException.class);
  }
}
