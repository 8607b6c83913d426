package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** table_text: key STRING, value STRING. */
@State(Scope.Thread)
public class TextFormatBenchmark extends FormatBenchmark {
  @Override
  TableSchema table() {
    return ProductTables.withColumns("key", TypeInfoFactory.STRING, "value", TypeInfoFactory.STRING);
  }

  @Override
  MessageFormat format() {
    return MessageFormat.TEXT;
  }

  @Override
  SinkRecord record(long offset) {
    return stringRecord("topic_text", offset, Long.toString(100 + offset), "abc-" + offset);
  }
}
