package com.aliyun.odps.kafka.connect.write;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import org.apache.kafka.common.TopicPartition;

/**
 * The buffers still taking rows, one per partition of each MaxCompute table, and their estimated
 * bytes. A buffer leaves when it is taken to be written; a new one opens with the next row for its
 * partition.
 */
final class OpenBuffers {
  /** The offset ticket of a new buffer: its rows' offsets become committable together. */
  private final LongSupplier newTicket;
  /** By table and partition (null: non-partitioned table), oldest first. */
  private final Map<Key, RowBuffer> buffers = new LinkedHashMap<>();
  private long bytes;
  private Key lastKey;

  /** A buffer's place: the table's name and the partition. */
  private static final class Key {
    private final String table;
    private final String partition;

    Key(String table, String partition) {
      this.table = table;
      this.partition = partition;
    }

    static Key of(RowBuffer buffer) {
      return new Key(buffer.table().name(), buffer.tablePartition());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && table.equals(((Key) o).table) && Objects.equals(partition, ((Key) o).partition);
    }

    @Override
    public int hashCode() {
      return 31 * table.hashCode() + Objects.hashCode(partition);
    }
  }

  OpenBuffers(LongSupplier newTicket) {
    this.newTicket = newTicket;
  }

  /** Adds a row to the buffer of its table and partition, opening one if needed; returns that buffer. */
  RowBuffer add(OpenTable table, Change change, TopicPartition source, long offset, Instant now) {
    Key key = keyOf(table.name(), change.tablePartition());
    RowBuffer buffer = buffers.get(key);
    if (buffer == null) {
      buffer = new RowBuffer(table.table(), change.tablePartition(), table.windowEnd(now), newTicket.getAsLong());
      buffers.put(key, buffer);
    }
    bytes += buffer.add(change.values(), change.deletes(), source, offset, now);
    return buffer;
  }

  /** Rows come in runs of one table partition: the key of the last one is reused, not made again. */
  private Key keyOf(String table, String partition) {
    if (lastKey == null || !lastKey.table.equals(table) || !Objects.equals(lastKey.partition, partition)) {
      lastKey = new Key(table, partition);
    }
    return lastKey;
  }

  /** Estimated bytes of every open buffer together. */
  long bytes() {
    return bytes;
  }

  boolean isEmpty() {
    return buffers.isEmpty();
  }

  /** Rows in every open buffer together. */
  long rows() {
    long rows = 0;
    for (RowBuffer buffer : buffers.values()) {
      rows += buffer.size();
    }
    return rows;
  }

  /** When the oldest row of any open buffer arrived; null when none is open. */
  Instant oldestRowAt() {
    Instant oldest = null;
    for (RowBuffer buffer : buffers.values()) {
      Instant first = buffer.firstRowAt();
      if (first != null && (oldest == null || first.isBefore(oldest))) {
        oldest = first;
      }
    }
    return oldest;
  }

  /** How long until the oldest row of any open buffer has waited {@code wait} (at least 1 ms); empty when none is open. */
  OptionalLong msUntilOldestHasWaited(Duration wait, Instant now) {
    Instant oldest = oldestRowAt();
    if (oldest == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, Duration.between(now, oldest.plus(wait)).toMillis()));
  }

  /** Takes one buffer out, to be written. */
  RowBuffer take(RowBuffer buffer) {
    if (buffers.remove(Key.of(buffer), buffer)) {
      bytes -= buffer.estimatedBytes();
    }
    return buffer;
  }

  /** Takes out every buffer, to be written. */
  List<RowBuffer> takeAll() {
    return takeWhere(buffer -> true);
  }

  /** Takes out the buffers the policy says are due at {@code now}. */
  List<RowBuffer> takeDue(FlushPolicy policy, Instant now) {
    return takeWhere(buffer -> policy.isDue(buffer, now));
  }

  /** Takes out every buffer of {@code table}, to be written. */
  List<RowBuffer> takeAllOf(MaxComputeTable table) {
    return takeWhere(buffer -> buffer.table() == table);
  }

  /** Takes out the largest buffers until at most {@code keepBytes} stay open. */
  List<RowBuffer> takeLargestDownTo(long keepBytes) {
    List<RowBuffer> largestFirst = new ArrayList<>(buffers.values());
    largestFirst.sort(Comparator.comparingLong(RowBuffer::estimatedBytes).reversed());
    List<RowBuffer> taken = new ArrayList<>();
    for (RowBuffer buffer : largestFirst) {
      if (bytes <= keepBytes) {
        break;
      }
      taken.add(take(buffer));
    }
    return taken;
  }

  /** Drops the rows of revoked Kafka partitions from every buffer (a buffer mixes Kafka partitions). */
  void dropRowsOf(Collection<TopicPartition> revoked) {
    bytes -= dropRowsOf(revoked, buffers.values());
  }

  /** Drops the rows of revoked partitions from {@code held} and the buffers left empty; returns the bytes dropped. */
  static long dropRowsOf(Collection<TopicPartition> revoked, Collection<RowBuffer> held) {
    long dropped = 0;
    for (RowBuffer buffer : held) {
      dropped += buffer.removeRowsOf(revoked);
    }
    held.removeIf(RowBuffer::isEmpty);
    return dropped;
  }

  void clear() {
    buffers.clear();
    bytes = 0;
  }

  private List<RowBuffer> takeWhere(Predicate<RowBuffer> due) {
    List<RowBuffer> taken = new ArrayList<>();
    for (Iterator<RowBuffer> it = buffers.values().iterator(); it.hasNext(); ) {
      RowBuffer buffer = it.next();
      if (due.test(buffer)) {
        it.remove();
        bytes -= buffer.estimatedBytes();
        taken.add(buffer);
      }
    }
    return taken;
  }
}
