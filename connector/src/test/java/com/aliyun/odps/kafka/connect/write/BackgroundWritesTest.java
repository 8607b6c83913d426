package com.aliyun.odps.kafka.connect.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.maxcompute.WriteBatch;
import com.aliyun.odps.kafka.connect.maxcompute.TransientWriteException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The writer with its writes on a background thread: the task goes on while a write is under way. */
class BackgroundWritesTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final long WAIT_SECONDS = 10;

  private final GatedTable table = new GatedTable();
  private final ExecutorService writeThread = Executors.newSingleThreadExecutor();
  private final List<Long> timeouts = new ArrayList<>();
  private SinkWriter writer;
  private final MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC);

  @AfterEach
  void stop() {
    table.gate.countDown();
    if (writer != null) {
      writer.close();
    }
    writeThread.shutdownNow();
  }

  /** bufferSizeKb 2: two rows of 600 bytes reach half of it (a write starts), four reach it. */
  private SinkWriter writer() {
    writer = TestWriters.on(table).clock(clock).timeouts(timeouts).bufferSizeKb(2).writeThread(writeThread).build();
    writer.open(List.of(P0));
    return writer;
  }

  @Test
  void putTakesMoreRecordsWhileAWriteIsUnderWay() throws Exception {
    SinkWriter writer = writer();
    writer.put(records(0, 2));
    assertThat(table.started.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a write started").isTrue();

    writer.put(records(2, 1));

    assertThat(table.fake.attempts()).as("the write is still held at the gate").isEmpty();
    assertThat(writer.bufferedBytes()).as("rows on the wire still count against the cap").isGreaterThan(1024);
    table.gate.countDown();
    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(3))))
        .as("preCommit waits for the write under way and writes the rest")
        .containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    assertThat(table.fake.committedPositions()).containsExactly("t/0/0", "t/0/1", "t/0/2");
    assertThat(writer.bufferedBytes()).isZero();
  }

  @Test
  void atTheCapPutWaitsForTheWriteUnderWay() throws Exception {
    SinkWriter writer = writer();
    writer.put(records(0, 2));
    assertThat(table.started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Thread opener = new Thread(() -> {
      // Opens the gate only once put is blocked waiting for the write: it must be waiting, not failing.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (writerThreadState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      table.gate.countDown();
    });
    testThread = Thread.currentThread();
    opener.start();

    writer.put(records(2, 2));
    opener.join();

    assertThat(table.fake.committedPositions()).as("the first write ended before put returned")
        .startsWith("t/0/0", "t/0/1");
    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(4))))
        .containsExactly(Map.entry(P0, new OffsetAndMetadata(4)));
  }

  private volatile Thread testThread;

  private Thread.State writerThreadState() {
    Thread t = testThread;
    return t == null ? Thread.State.NEW : t.getState();
  }

  @Test
  void aTransientFailureInTheBackgroundIsRetriedAndNothingIsLost() {
    table.fake.failTransiently(1);
    SinkWriter writer = writer();
    // The write fails only once the gate opens: put returns first, as it would with a slower service.
    writer.put(records(0, 2));
    table.gate.countDown();

    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(2)))).as("nothing committed yet").isEmpty();
    assertThatThrownBy(() -> writer.put(records(2, 1))).as("within the backoff").isInstanceOf(RetriableException.class);
    assertThat(table.fake.attempts()).as("not tried again within the backoff").hasSize(1);

    clock.add(Duration.ofMillis(timeouts.get(timeouts.size() - 1)));
    writer.put(records(2, 1));
    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(3))))
        .containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    assertThat(table.fake.committedPositions()).containsExactlyInAnyOrder("t/0/0", "t/0/1", "t/0/2");
  }

  @Test
  void aPermanentFailureInTheBackgroundStopsTheTaskAtItsNextPut() {
    table.fake.failPermanently();
    SinkWriter writer = writer();
    // The write fails only once the gate opens: put returns first, as it would with a slower service.
    writer.put(records(0, 2));
    table.gate.countDown();

    assertThat(writer.preCommit(Map.of(P0, new OffsetAndMetadata(2)))).isEmpty();
    assertThatThrownBy(() -> writer.put(records(2, 1))).isInstanceOf(ConnectException.class)
        .isNotInstanceOf(RetriableException.class).hasMessageContaining("HTTP 400");
  }

  private static List<SinkRecord> records(long from, int count) {
    return TestWriters.records(P0, from, count, "x".repeat(600));
  }

  /** A {@link FakeTable} whose writes wait at a gate, so a test can hold one under way. */
  private static final class GatedTable implements MaxComputeTable {
    final FakeTable fake = new FakeTable();
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public String name() {
      return fake.name();
    }

    @Override
    public TableSchema schema() {
      return fake.schema();
    }

    @Override
    public Record newRow() {
      return fake.newRow();
    }

    @Override
    public List<String> primaryKey() {
      return List.of();
    }

    @Override
    public void write(String partition, WriteBatch batch) {
      started.countDown();
      try {
        if (!gate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransientWriteException("interrupted", e);
      }
      fake.write(partition, batch);
    }

    @Override
    public void close() {
      fake.close();
    }
  }
}
