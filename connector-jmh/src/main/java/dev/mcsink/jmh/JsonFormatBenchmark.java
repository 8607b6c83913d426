package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** table_json: key STRING, value JSON; values are JSON text, as a StringConverter delivers them. */
@State(Scope.Thread)
public class JsonFormatBenchmark extends FormatBenchmark {
  @Override
  TableSchema table() {
    return ProductTables.withColumns("key", TypeInfoFactory.STRING, "value", TypeInfoFactory.JSON);
  }

  @Override
  MessageFormat format() {
    return MessageFormat.JSON;
  }

  @Override
  SinkRecord record(long offset) {
    return stringRecord("topic_json", offset, Long.toString(100 + offset),
        "{\"id\":" + (123 + offset) + ",\"name\":\"json-" + offset + "\",\"region\":\"beijing\"}");
  }
}
