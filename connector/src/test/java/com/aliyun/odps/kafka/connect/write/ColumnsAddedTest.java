package com.aliyun.odps.kafka.connect.write;

import static com.aliyun.odps.kafka.connect.write.TestWriters.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** auto.evolve in the writer: a record with a new field has the table's columns added first. */
class ColumnsAddedTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final Column EXTRA = new Column("extra", OdpsType.STRING);

  private final FakeTable before = new FakeTable();
  private final FakeTable after = new FakeTable();
  private final List<List<Column>> added = new ArrayList<>();
  private int commitsRequested;
  private final RecordingHandler handler = new RecordingHandler();
  private final MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC);

  /** Records whose value starts with "wide" have a field the first table lacks. */
  private OpenTable open(FakeTable table) {
    RowConversion rows = new RowConversion(table, TestWriters.CONVERTER, new MinuteWindows(), handler);
    return new OpenTable("tbl", table, rows,
        record -> table == before && ((String) record.value()).startsWith("wide") ? List.of(EXTRA) : List.of());
  }

  private SinkWriter writer() {
    OpenTables tables = OpenTables.single(open(before), (name, first) -> open(after),
        (name, columns) -> added.add(columns), () -> { });
    return new SinkWriter(tables, FlushPolicy.batch(), handler, new MemoryCap(1024 * 1024), clock, ms -> { }, () -> commitsRequested++, null, WriteMetrics.NONE);
  }

  @Test
  void rowsBufferedBeforeANewFieldAreWrittenThenTheColumnIsAddedAndTheTableOpenedAgain() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));

    writer.put(List.of(record(P0, 0, "narrow"), record(P0, 1, "wide"), record(P0, 2, "narrow")));
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(before.committedPositions()).containsExactly("t/0/0");
    assertThat(added).containsExactly(List.of(EXTRA));
    assertThat(commitsRequested).as("offsets of the rows written before the change committed soon").isEqualTo(1);
    assertThat(before.closed()).isTrue();
    assertThat(after.committedPositions()).containsExactly("t/0/1", "t/0/2");
    assertThat(offsets).containsEntry(P0, new OffsetAndMetadata(3));
  }

  @Test
  void whenTheBufferedRowsCannotBeWrittenNoColumnIsAddedAndTheBatchComesAgain() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));
    before.failTransiently(1);
    List<SinkRecord> batch = List.of(record(P0, 0, "narrow"), record(P0, 1, "wide"));

    assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class)
        .hasMessageContaining("failed transiently");
    assertThat(added).isEmpty();

    clock.add(Duration.ofSeconds(2));
    writer.put(batch);
    writer.preCommit(Map.of());

    assertThat(before.committedPositions()).containsExactly("t/0/0");
    assertThat(added).hasSize(1);
    assertThat(after.committedPositions()).containsExactly("t/0/1");
  }
}
