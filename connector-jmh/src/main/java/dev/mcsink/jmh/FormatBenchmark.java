package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.format.RecordConverter;
import com.aliyun.odps.kafka.connect.format.RecordConverters;
import com.aliyun.odps.kafka.connect.maxcompute.RowValues;
import com.aliyun.odps.kafka.connect.wire.EncodedRows;
import com.aliyun.odps.kafka.connect.wire.RowEncoder;
import com.aliyun.odps.tunnel.io.CompressOption;
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
 * One format's cost per record on the connector's own path: {@link #convertAndEncode} converts a
 * batch of SinkRecords into the one reused row a table keeps ({@link RowValues}), encodes each into
 * the buffered Tunnel format ({@link EncodedRows}, as a buffer of an append table does) and makes
 * the request body of the batch ({@link EncodedRows#block}, compressed as {@link #compression} says,
 * SNAPPY being the connector's default); {@link #encodeOnly} does the same from rows converted
 * beforehand: the encoding ceiling the conversion is compared with. Each operation is one block of
 * {@link #BATCH} records, so the scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class FormatBenchmark {
  static final int BATCH = 1000;
  static final long TIMESTAMP = 1_689_254_000_000L;

  /** ODPS_SNAPPY is the connector's default ({@code tunnel_compression}); ODPS_RAW shows the encoding alone. */
  @Param({"ODPS_SNAPPY"})
  public String compression;

  private RecordConverter converter;
  private RowValues row;
  private RowEncoder encoder;
  private SinkRecord[] records;
  private Object[][] converted;
  private CompressOption compressOption;

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
    TableSchema schema = table();
    SinkSettings settings = SinkSettings.builder()
        .endpoint("http://localhost/api").project("project_name").table("t")
        .format(format()).mode(mode()).timeZone(ZoneId.of("Asia/Shanghai"))
        .build();
    converter = RecordConverters.create(settings, schema);
    row = new RowValues(new ArrayRecord(schema));
    encoder = new RowEncoder(schema, false);
    records = new SinkRecord[BATCH];
    converted = new Object[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      records[i] = record(i);
      converter.convert(records[i], row.blank());
      converted[i] = row.values().clone();
    }
    compressOption = new CompressOption(CompressOption.CompressAlgorithm.valueOf(compression), 1, 0);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long convertAndEncode() {
    EncodedRows rows = new EncodedRows(encoder);
    for (SinkRecord record : records) {
      converter.convert(record, row.blank());
      rows.add(row.values());
    }
    return rows.block(0, rows.size(), compressOption).body().size();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long encodeOnly() {
    EncodedRows rows = new EncodedRows(encoder);
    for (Object[] values : converted) {
      rows.add(values);
    }
    return rows.block(0, rows.size(), compressOption).body().size();
  }

  static SinkRecord stringRecord(String topic, long offset, String key, Object value) {
    return new SinkRecord(topic, 0, Schema.OPTIONAL_STRING_SCHEMA, key, Schema.OPTIONAL_STRING_SCHEMA, value,
        offset, TIMESTAMP, TimestampType.CREATE_TIME);
  }
}
