package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** table_flatten: id BIGINT, name STRING, extendinfo JSON; values are JSON text with a nested object. */
@State(Scope.Thread)
public class FlattenFormatBenchmark extends FormatBenchmark {
  @Override
  TableSchema table() {
    return ProductTables.withColumns("id", TypeInfoFactory.BIGINT, "name", TypeInfoFactory.STRING,
        "extendinfo", TypeInfoFactory.JSON);
  }

  @Override
  MessageFormat format() {
    return MessageFormat.FLATTEN;
  }

  @Override
  SinkRecord record(long offset) {
    return stringRecord("topic_flatten", offset, Long.toString(100 + offset),
        "{\"id\":" + (123 + offset) + ",\"name\":\"json-" + offset
            + "\",\"extendinfo\":{\"region\":\"beijing\",\"sex\":\"M\"}}");
  }
}
