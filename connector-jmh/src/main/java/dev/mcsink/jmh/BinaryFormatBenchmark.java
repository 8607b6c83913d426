package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** key BINARY, value BINARY; byte[] values, as a ByteArrayConverter delivers them. */
@State(Scope.Thread)
public class BinaryFormatBenchmark extends FormatBenchmark {
  @Override
  TableSchema table() {
    return ProductTables.withColumns("key", TypeInfoFactory.BINARY, "value", TypeInfoFactory.BINARY);
  }

  @Override
  MessageFormat format() {
    return MessageFormat.BINARY;
  }

  @Override
  SinkRecord record(long offset) {
    byte[] key = Long.toString(100 + offset).getBytes(StandardCharsets.UTF_8);
    byte[] value = ("binary-payload-" + offset).getBytes(StandardCharsets.UTF_8);
    return new SinkRecord("topic_binary", 0, Schema.OPTIONAL_BYTES_SCHEMA, key, Schema.OPTIONAL_BYTES_SCHEMA,
        value, offset, TIMESTAMP, TimestampType.CREATE_TIME);
  }
}
