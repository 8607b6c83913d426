package com.aliyun.odps.kafka.connect.maxcompute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, from the entries of every task of a connector, the offset through which each Kafka
 * partition is committed in MaxCompute: the entry with the highest last offset whose data session is
 * committed. An entry is written before its session's commit, so its session may be committed
 * (counts), fully uploaded but not committed (its writer stopped in between: committed here, then it
 * counts; a zombie committing it at the same time is harmless, a second commit is answered
 * "committed"), or gone (expired or unknown: falls back to what that entry knew committed and to
 * lower entries). Only unconfirmed entries cost a request, and only while no lower answer is known.
 */
final class RecoveredOffsets {
  private static final Logger log = LoggerFactory.getLogger(RecoveredOffsets.class);

  private RecoveredOffsets() {
  }

  /**
   * @return per requested partition with anything committed, the offset of its last committed record
   * @throws TransientWriteException when a session's state can't be asked now
   */
  static Map<TopicPartition, Long> of(Collection<TopicPartition> partitions, Collection<OffsetEntry> entries,
      DataSessions sessions) {
    Set<TopicPartition> wanted = new HashSet<>(partitions);
    Map<TopicPartition, List<OffsetEntry>> bySource = new HashMap<>();
    for (OffsetEntry entry : entries) {
      if (wanted.contains(entry.source())) {
        bySource.computeIfAbsent(entry.source(), k -> new ArrayList<>()).add(entry);
      }
    }
    Map<TopicPartition, Long> committed = new HashMap<>();
    bySource.forEach((source, candidates) -> {
      long through = committedThrough(candidates, sessions);
      if (through > OffsetEntry.NONE) {
        committed.put(source, through);
      }
    });
    return committed;
  }

  private static long committedThrough(List<OffsetEntry> candidates, DataSessions sessions) {
    candidates.sort(Comparator.comparingLong(OffsetEntry::lastOffset).reversed());
    long fallback = OffsetEntry.NONE;
    for (OffsetEntry entry : candidates) {
      if (fallback >= entry.lastOffset()) {
        break;
      }
      if (entry.isConfirmed()) {
        return entry.lastOffset();
      }
      switch (sessions.stateOf(entry)) {
        case COMMITTED:
          return entry.lastOffset();
        case UPLOADED:
          sessions.commit(entry);
          log.info("Committed upload {} holding {}: it was fully uploaded and recorded, and its writer stopped"
              + " before committing it", entry.uploadId(), entry);
          return entry.lastOffset();
        default:
          log.info("Upload {} holding {} was never committed (expired or unknown); its records are written again",
              entry.uploadId(), entry);
          fallback = Math.max(fallback, entry.confirmedOffset());
      }
    }
    return fallback;
  }
}
