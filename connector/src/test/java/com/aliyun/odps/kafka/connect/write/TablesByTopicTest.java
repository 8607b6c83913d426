package com.aliyun.odps.kafka.connect.write;

import static com.aliyun.odps.kafka.connect.write.TestWriters.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** A writer whose records go to the table of their topic ({@link OpenTables#routed}). */
class TablesByTopicTest {
  private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
  private static final TopicPartition USERS = new TopicPartition("users", 0);

  private final Map<String, FakeTable> tables = new HashMap<>();
  private final List<String> opened = new ArrayList<>();
  private final RecordingHandler handler = new RecordingHandler();
  private final AtomicBoolean clientsClosed = new AtomicBoolean();
  private int openFailuresLeft;
  private boolean refuseToCreate;

  private SinkWriter writer() {
    OpenTables.Opener opener = (name, first) -> {
      if (openFailuresLeft > 0) {
        openFailuresLeft--;
        throw new TransientWriteException("HTTP 503: service unavailable", null);
      }
      if (refuseToCreate) {
        throw new RecordConversionException("the value is null");
      }
      opened.add(name);
      FakeTable table = tables.computeIfAbsent(name, FakeTable::new);
      return TestWriters.openTable(table, handler);
    };
    OpenTables routed = OpenTables.routed(topic -> "t_" + topic, opener, (name, columns) -> { },
        () -> clientsClosed.set(true));
    return new SinkWriter(routed, FlushPolicy.batch(), handler, new MemoryCap(1024 * 1024),
        Clock.fixed(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC), ms -> { }, () -> { }, null, WriteMetrics.NONE);
  }

  @Test
  void eachTopicGoesToItsOwnTableOpenedWithItsFirstRecord() {
    SinkWriter writer = writer();
    writer.open(List.of(ORDERS, USERS));

    writer.put(List.of(record(ORDERS, 0, "o0"), record(USERS, 0, "u0"), record(ORDERS, 1, "o1")));
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(opened).containsExactly("t_orders", "t_users");
    assertThat(tables.get("t_orders").committedPositions()).containsExactly("orders/0/0", "orders/0/1");
    assertThat(tables.get("t_users").committedPositions()).containsExactly("users/0/0");
    assertThat(offsets).containsEntry(ORDERS, new OffsetAndMetadata(2)).containsEntry(USERS, new OffsetAndMetadata(1));
  }

  @Test
  void aTableThatCannotBeOpenedYetHasTheBatchRedeliveredWithoutLosingWhatWasTaken() {
    SinkWriter writer = writer();
    writer.open(List.of(ORDERS, USERS));
    writer.put(List.of(record(ORDERS, 0, "o0")));
    openFailuresLeft = 1;

    List<SinkRecord> batch = List.of(record(ORDERS, 1, "o1"), record(USERS, 0, "u0"));
    assertThatThrownBy(() -> writer.put(batch)).isInstanceOf(RetriableException.class)
        .hasMessageContaining("topic users, partition 0, offset 0");
    writer.put(batch);
    writer.preCommit(Map.of());

    assertThat(tables.get("t_orders").committedPositions()).containsExactly("orders/0/0", "orders/0/1");
    assertThat(tables.get("t_users").committedPositions()).containsExactly("users/0/0");
  }

  @Test
  void aRecordItsTableCannotBeCreatedFromGoesToTheErrorRouteAndCountsAsDone() {
    SinkWriter writer = writer();
    writer.open(List.of(USERS));
    refuseToCreate = true;

    writer.put(List.of(record(USERS, 0, "u0")));
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    assertThat(handler.records).hasSize(1);
    assertThat(handler.reasons.get(0)).hasMessageContaining("topic users, partition 0, offset 0")
        .hasMessageContaining("the value is null");
    assertThat(offsets).containsEntry(USERS, new OffsetAndMetadata(1));
  }

  @Test
  void closingTheWriterClosesEveryTableThenTheClients() {
    SinkWriter writer = writer();
    writer.put(List.of(record(ORDERS, 0, "o0"), record(USERS, 0, "u0")));

    writer.close();

    assertThat(tables.values()).allSatisfy(table -> assertThat(table.closed()).isTrue());
    assertThat(clientsClosed).isTrue();
    assertThat(handler.closed).isTrue();
  }
}
