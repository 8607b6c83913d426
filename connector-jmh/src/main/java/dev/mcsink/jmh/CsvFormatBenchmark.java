package dev.mcsink.jmh;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageFormat;
import com.aliyun.odps.type.TypeInfoFactory;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** table_csv: id BIGINT, name STRING, region STRING; values like {@code 1103,zhangsan,china}. */
@State(Scope.Thread)
public class CsvFormatBenchmark extends FormatBenchmark {
  @Override
  TableSchema table() {
    return ProductTables.withColumns("id", TypeInfoFactory.BIGINT, "name", TypeInfoFactory.STRING,
        "region", TypeInfoFactory.STRING);
  }

  @Override
  MessageFormat format() {
    return MessageFormat.CSV;
  }

  @Override
  SinkRecord record(long offset) {
    return stringRecord("topic_csv", offset, Long.toString(100 + offset),
        (1103 + offset) + ",zhangsan-" + offset + ",china");
  }
}
