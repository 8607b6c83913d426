package com.aliyun.odps.kafka.connect.write;

import com.aliyun.odps.kafka.connect.errors.FailedRecordHandler;
import com.aliyun.odps.kafka.connect.format.RecordConversionException;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.maxcompute.MaxComputeTable;
import com.aliyun.odps.kafka.connect.metrics.WriteMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A {@link SinkWriter} put together as {@link SinkWiring} does, around a table, clock and route of
 * the test's choosing; one partition of the table per UTC minute ({@link MinuteWindows}).
 */
final class TestWriters {
  /** Writes the original position and the value into the test tables' columns; "bad" values don't convert. */
  static final RecordConverter CONVERTER = (record, row) -> {
    if ("bad".equals(record.value())) {
      throw new RecordConversionException("value is bad");
    }
    row.setString("topic", record.originalTopic());
    row.setBigint("partition", record.originalKafkaPartition().longValue());
    row.setBigint("offset", record.originalKafkaOffset());
    row.setString("value", (String) record.value());
  };

  private final MaxComputeTable table;
  private Clock clock = Clock.systemUTC();
  private LongConsumer callAgainWithinMs = ms -> { };
  private FailedRecordHandler failedRecords = new RecordingHandler();
  private FlushPolicy policy = FlushPolicy.batch();
  private long bufferSizeKb = 1024;
  private ExecutorService writeThread;
  private WriteMetrics metrics = WriteMetrics.NONE;

  private TestWriters(MaxComputeTable table) {
    this.table = table;
  }

  static TestWriters on(MaxComputeTable table) {
    return new TestWriters(table);
  }

  TestWriters clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** What the writer asks of {@code SinkTaskContext.timeout}. */
  TestWriters timeouts(List<Long> timeouts) {
    this.callAgainWithinMs = timeouts::add;
    return this;
  }

  TestWriters failedRecords(FailedRecordHandler failedRecords) {
    this.failedRecords = failedRecords;
    return this;
  }

  TestWriters bufferSizeKb(long bufferSizeKb) {
    this.bufferSizeKb = bufferSizeKb;
    return this;
  }

  /** The streaming path: a pack of {@code recordBatchSize} rows at most, rows sent within {@code maxLatency}. */
  TestWriters streaming(int recordBatchSize, Duration maxLatency) {
    this.policy = FlushPolicy.streaming(recordBatchSize, 0, maxLatency);
    return this;
  }

  /** Writes in the background on this thread (closed with the writer). */
  TestWriters writeThread(ExecutorService writeThread) {
    this.writeThread = writeThread;
    return this;
  }

  /** What the writer records (a recording fake, to assert it). */
  TestWriters metrics(WriteMetrics metrics) {
    this.metrics = metrics;
    return this;
  }

  SinkWriter build() {
    return new SinkWriter(OpenTables.single(openTable(table, failedRecords), (name, first) -> openTable(table, failedRecords),
        (name, columns) -> { }, () -> { }), policy, failedRecords,
        new MemoryCap(bufferSizeKb * 1024), clock, callAgainWithinMs, () -> { }, writeThread, metrics);
  }

  /** {@code table} opened as SinkWiring opens it: {@link #CONVERTER}, one partition per minute. */
  static OpenTable openTable(MaxComputeTable table, FailedRecordHandler failedRecords) {
    return new OpenTable(table.name(), table, new RowConversion(table, CONVERTER, new MinuteWindows(), failedRecords));
  }

  static OpenTable openTable(MaxComputeTable table) {
    return openTable(table, new RecordingHandler());
  }

  /** Records of {@code tp} at offsets [from, from + count), each with {@code value}. */
  static List<SinkRecord> records(TopicPartition tp, long from, int count, String value) {
    return LongStream.range(from, from + count).mapToObj(o -> record(tp, o, value)).collect(Collectors.toList());
  }

  static SinkRecord record(TopicPartition tp, long offset, String value) {
    return new SinkRecord(tp.topic(), tp.partition(), null, null, null, value, offset);
  }
}
