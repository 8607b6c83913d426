package com.aliyun.odps.kafka.connect.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.kafka.connect.record.OriginReader.OriginalAccessors;
import com.aliyun.odps.kafka.connect.record.OriginReader.OwnCoordinates;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordOriginTest {
  private final OriginReader workerWithAccessors = new OriginalAccessors();
  private final OriginReader olderWorker = new OwnCoordinates();

  private static SinkRecord consumed(String topic, int partition, long offset) {
    return new SinkRecord(topic, partition, null, null, Schema.STRING_SCHEMA, "v", offset);
  }

  private static SinkRecord renamedByRegexRouter() {
    return RegexRouterRename.withPrefix("renamed_", consumed("orders", 3, 42));
  }

  /** No partition, original or current: SinkRecord's constructors take an int, so only a subclass has none. */
  private static SinkRecord withoutPartition() {
    return new SinkRecord("orders", 3, null, null, null, "v", 42, 0L, TimestampType.CREATE_TIME,
        new ConnectHeaders(), null, null, 42) {
      @Override
      public Integer kafkaPartition() {
        return null;
      }
    };
  }

  // ---- A worker with SinkRecord.original*() (Kafka 3.6 and later).

  @Test
  void withTheAccessorsARecordRenamedByRegexRouterKeepsTheTopicPartitionAndOffsetItWasReadFrom() {
    SinkRecord renamed = renamedByRegexRouter();
    assertThat(renamed.topic()).isEqualTo("renamed_orders");

    RecordOrigin origin = workerWithAccessors.read(renamed);

    assertThat(origin).isEqualTo(new RecordOrigin("orders", 3, 42));
    assertThat(origin.topicPartition()).as("the partition whose offset is committed")
        .isEqualTo(new TopicPartition("orders", 3));
  }

  @Test
  void withTheAccessorsAnOriginalCoordinateThatIsNullFallsBackToTheCurrentOne() {
    SinkRecord withoutOriginals = new SinkRecord("current", 5, null, null, null, "v", 7, 0L,
        TimestampType.CREATE_TIME, new ConnectHeaders(), null, null, 6);

    assertThat(workerWithAccessors.read(withoutOriginals)).isEqualTo(new RecordOrigin("current", 5, 6));
  }

  @Test
  void withTheAccessorsARecordWithoutAnyPartitionHasNoPartition() {
    assertThat(workerWithAccessors.read(withoutPartition()).partition()).isEqualTo(RecordOrigin.NO_PARTITION);
  }

  // ---- An older worker, without them.

  @Test
  void onAnOlderWorkerTheRecordsOwnCoordinatesAreItsOrigin() {
    assertThat(olderWorker.read(consumed("orders", 3, 42))).isEqualTo(new RecordOrigin("orders", 3, 42));
  }

  @Test
  void onAnOlderWorkerARenamedRecordHasOnlyItsNewTopicToGive() {
    assertThat(olderWorker.read(renamedByRegexRouter())).isEqualTo(new RecordOrigin("renamed_orders", 3, 42));
  }

  @Test
  void onAnOlderWorkerARecordWithoutAnyPartitionHasNoPartition() {
    assertThat(olderWorker.read(withoutPartition()).partition()).isEqualTo(RecordOrigin.NO_PARTITION);
  }

  // ---- Which of the two, chosen once by what SinkRecord offers.

  @Test
  void aSinkRecordWithTheThreeAccessorsIsReadThroughThem() {
    assertThat(OriginReader.forRecordsOf(SinkRecord.class)).isInstanceOf(OriginalAccessors.class);
  }

  @Test
  void aSinkRecordWithoutThemIsReadByItsOwnCoordinates() {
    assertThat(OriginReader.forRecordsOf(SinkRecordBeforeKafka36.class)).isInstanceOf(OwnCoordinates.class);
  }

  @Test
  void onThisWorkerRecordsAreReadThroughTheAccessors() {
    assertThat(RecordOrigin.of(renamedByRegexRouter())).isEqualTo(new RecordOrigin("orders", 3, 42));
  }

  @Test
  void toStringNamesTheRecordAsErrorMessagesDo() {
    assertThat(new RecordOrigin("orders", 3, 42)).hasToString("topic orders, partition 3, offset 42");
  }

  /** SinkRecord's coordinates as Kafka 3.5 has them: no original*. */
  @SuppressWarnings("unused")
  private static final class SinkRecordBeforeKafka36 {
    public String topic() {
      return "t";
    }

    public Integer kafkaPartition() {
      return 0;
    }

    public long kafkaOffset() {
      return 0;
    }
  }
}
