package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.tunnel.io.CompressOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One format's cost per record: {@link #convertAndEncode} turns a batch of SinkRecords into rows with
 * the connector's converter and encodes them with the SDK's Tunnel record writer; {@link #encodeOnly}
 * encodes the same rows, converted beforehand, with the same writer: the encoding ceiling the
 * connector's conversion is compared with. Each operation is one block of {@link #BATCH} records,
 * so the scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class FormatBenchmark {
  static final int BATCH = 1000;
  static final long TIMESTAMP = 1_689_254_000_000L;

  /**
   * ODPS_ZLIB is what the connector's {@code openRecordWriter(blockId, true)} uses; ODPS_RAW shows
   * the encoding alone, without deflate.
   */
  @Param({"ODPS_ZLIB"})
  public String compression;

  private TableSchema schema;
  private RecordConverter converter;
  private SinkRecord[] records;
  private ArrayRecord[] converted;
  private CompressOption compressOption;
  // Reused across operations, as a writer reuses its block buffer: no allocation of the sink measured.
  private final ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 20);

  /** The table, as the product document creates it (meta columns, then the format's columns). */
  abstract TableSchema table();

  abstract MessageFormat format();

  /** The record at {@code offset}; values vary a little so the encoder sees different lengths. */
  abstract SinkRecord record(long offset);

  MessageMode mode() {
    return MessageMode.VALUE;
  }

  @Setup
  public void prepare() {
    schema = table();
    SinkSettings settings = SinkSettings.builder()
        .endpoint("http://localhost/api").project("project_name").table("t")
        .format(format()).mode(mode()).timeZone(ZoneId.of("Asia/Shanghai"))
        .build();
    converter = RecordConverters.create(settings, schema);
    records = new SinkRecord[BATCH];
    converted = new ArrayRecord[BATCH];
    for (int i = 0; i < BATCH; i++) {
      records[i] = record(i);
      converted[i] = new ArrayRecord(schema);
      converter.convert(records[i], converted[i]);
    }
    compressOption = new CompressOption(CompressOption.CompressAlgorithm.valueOf(compression), 1, 0);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int convertAndEncode() throws IOException {
    block.reset();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(schema, block, compressOption);
    for (SinkRecord record : records) {
      ArrayRecord row = new ArrayRecord(schema);
      converter.convert(record, row);
      writer.write(row);
    }
    writer.close();
    return block.size();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int encodeOnly() throws IOException {
    block.reset();
    ProtobufRecordStreamWriter writer = new ProtobufRecordStreamWriter(schema, block, compressOption);
    for (ArrayRecord row : converted) {
      writer.write(row);
    }
    writer.close();
    return block.size();
  }

  static SinkRecord stringRecord(String topic, long offset, String key, Object value) {
    return new SinkRecord(topic, 0, Schema.OPTIONAL_STRING_SCHEMA, key, Schema.OPTIONAL_STRING_SCHEMA, value,
        offset, TIMESTAMP, TimestampType.CREATE_TIME);
  }
}
