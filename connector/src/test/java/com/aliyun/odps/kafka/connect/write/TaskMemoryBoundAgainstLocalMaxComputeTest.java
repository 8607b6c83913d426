package com.aliyun.odps.kafka.connect.write;

import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.config;
import static com.aliyun.odps.kafka.connect.LocalMaxComputeAccess.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.odps.Odps;
import com.aliyun.odps.kafka.connect.LocalMaxComputeAccess;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.maxcompute.StreamTunnelTable;
import com.aliyun.odps.kafka.connect.maxcompute.TextRows;
import com.aliyun.odps.kafka.connect.metrics.TunnelEvent;
import com.aliyun.odps.kafka.connect.metrics.TunnelMetrics;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.faults.Faults;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.MutableClock;

/**
 * The heap bound of one task, streaming into the local MaxCompute: the same load (40,960 records of
 * about 100 bytes, in batches of 512 as Connect delivers them) read from 1 or from 256 Kafka
 * partitions of one topic. What the writer buffers stays under {@code buffer_size_kb} in both, and
 * the 256 partitions share the same few sessions and packs. Prints the figures.
 */
class TaskMemoryBoundAgainstLocalMaxComputeTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
  private static final int RECORDS = 40_960;
  private static final int BATCH = 512;
  private static final int BUFFER_SIZE_KB = 256;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    MC.service().faults().clear();
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  @ParameterizedTest(name = "{0} Kafka partitions")
  @ValueSource(ints = {1, 256})
  void bufferedBytesStayUnderBufferSizeWhateverTheKafkaPartitionCount(int partitions) throws Exception {
    Odps odps = LocalMaxComputeAccess.client(MC.service());
    String tableName = "memory_bound_" + partitions;
    TextRows.sql(odps, "CREATE TABLE " + tableName + " (topic STRING, `partition` BIGINT, `offset` BIGINT, value STRING) PARTITIONED BY (pt STRING);");
    SinkSettings settings = parse(config(MC.service(), tableName).streaming(true)
        .set("buffer_size_kb", String.valueOf(BUFFER_SIZE_KB)).set("record_batch_size", "8000"));
    AtomicInteger sessions = new AtomicInteger();
    StreamTunnelTable table = StreamTunnelTable.open(odps, new TableTunnel(odps), settings, new TunnelMetrics() {
      @Override
      public void counted(TunnelEvent event) {
        if (event == TunnelEvent.STREAM_SESSION) {
          sessions.incrementAndGet();
        }
      }
    });
    MutableClock clock = MutableClock.of(Instant.parse("2024-05-01T10:00:10Z"), ZoneOffset.UTC);
    SinkWriter writer = TestWriters.on(table).clock(clock).bufferSizeKb(BUFFER_SIZE_KB)
        .streaming(settings.recordBatchSize(), settings.streamMaxLatency()).build();
    toClose.add(writer);
    Faults.Rule packs = MC.service().faults().delay("stream-write", Duration.ZERO, Faults.FOREVER);

    long[] next = new long[partitions];
    long maxAfterPut = 0;
    List<SinkRecord> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < RECORDS; i++) {
      int p = i % partitions;
      batch.add(new SinkRecord("topic_memory", p, null, null, null, String.format("%-100d", i), next[p]++));
      if (batch.size() == BATCH) {
        writer.put(batch);
        maxAfterPut = Math.max(maxAfterPut, writer.bufferedBytes());
        batch = new ArrayList<>(BATCH);
        clock.add(Duration.ofMillis(50));
      }
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = writer.preCommit(Map.of());

    System.out.printf("Streaming task over %d Kafka partition(s), %d records: cap %d B, peak buffered %d B,"
            + " %d stream packs, %d sessions%n",
        partitions, RECORDS, writer.memoryLimitBytes(), writer.peakBufferedBytes(), packs.applied(), sessions.get());
    assertThat(writer.peakBufferedBytes()).isLessThanOrEqualTo(writer.memoryLimitBytes() + 200);
    assertThat(maxAfterPut).isLessThanOrEqualTo(writer.memoryLimitBytes());
    assertThat(sessions.get()).as("one session per target partition, whatever the Kafka partitions").isEqualTo(1);
    assertThat(offsets).hasSize(partitions);
    assertThat(offsets.values()).extracting(OffsetAndMetadata::offset).containsOnly((long) RECORDS / partitions);
    assertThat(TextRows.scalar(odps, "SELECT COUNT(*) FROM " + tableName + ";")).isEqualTo(String.valueOf(RECORDS));
    assertThat(TextRows.scalar(odps, "SELECT COUNT(DISTINCT `partition` * 1000000 + `offset`) FROM " + tableName + ";"))
        .isEqualTo(String.valueOf(RECORDS));
  }
}
