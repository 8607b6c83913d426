package com.aliyun.odps.kafka.connect.record;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record was read from in Kafka: its topic, partition and offset before any SMT renamed or
 * re-partitioned it. The one answer for the offsets the task commits, the meta columns it writes
 * and the failed records it reports, so the three never disagree.
 *
 * <p>The rule: on a worker whose {@code SinkRecord} has {@code originalTopic()},
 * {@code originalKafkaPartition()} and {@code originalKafkaOffset()} (Kafka 3.6 and later), those,
 * each falling back to the current coordinate only where the original one is null; on an older
 * worker, the record's own coordinates, the only ones there are. Which of the two is decided once,
 * when this class loads ({@link OriginReader}).
 *
 * <p>A {@code SinkRecord} always has a current partition (its constructors take an int), so only
 * the original one can be missing, and the current one then stands in. Should a record still have
 * none (a {@code SinkRecord} subclass), it gets {@link #NO_PARTITION}: what the error topic's
 * {@code mc.source.partition} header has always said then, and what the {@code partition} meta
 * column and the committed offsets' partition hold too.
 */
public final class RecordOrigin {
  /** The partition of a record that has none: -1, Kafka's own "unknown partition". */
  public static final int NO_PARTITION = -1;

  private static final OriginReader READER = OriginReader.forRecordsOf(SinkRecord.class);

  private final String topic;
  private final int partition;
  private final long offset;

  RecordOrigin(String topic, Integer partition, long offset) {
    this.topic = topic;
    this.partition = partition == null ? NO_PARTITION : partition;
    this.offset = offset;
  }

  /** Called once per record on the task's write path: a few field reads, no reflection. */
  public static RecordOrigin of(SinkRecord record) {
    return READER.read(record);
  }

  public String topic() {
    return topic;
  }

  /** {@link #NO_PARTITION} when the record has none. */
  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  /** The topic partition whose consumer offsets cover this record; a new instance on each call. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecordOrigin)) {
      return false;
    }
    RecordOrigin other = (RecordOrigin) o;
    return Objects.equals(topic, other.topic) && partition == other.partition && offset == other.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }

  /** "topic T, partition P, offset O": how log lines and exception messages name a record. */
  @Override
  public String toString() {
    return "topic " + topic + ", partition " + partition + ", offset " + offset;
  }
}
