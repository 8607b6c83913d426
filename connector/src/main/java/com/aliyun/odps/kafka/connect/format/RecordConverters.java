package com.aliyun.odps.kafka.connect.format;

// placeholder: replaced at merge

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.MessageMode;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.nio.charset.StandardCharsets;

/** Placeholder: TEXT only; the real class comes from another branch. */
public final class RecordConverters {
  private RecordConverters() {
  }

  public static RecordConverter create(SinkSettings settings, TableSchema schema) {
    MessageMode mode = settings.mode();
    return (record, row) -> {
      row.setString("topic", record.originalTopic());
      row.setBigint("partition", record.originalKafkaPartition().longValue());
      row.setBigint("offset", record.originalKafkaOffset());
      if (mode != MessageMode.VALUE) {
        row.setString("key", text(record.key()));
      }
      if (mode != MessageMode.KEY) {
        row.setString("value", text(record.value()));
      }
    };
  }

  private static String text(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof byte[]) {
      return new String((byte[]) o, StandardCharsets.UTF_8);
    }
    if (o instanceof String) {
      return (String) o;
    }
    throw new RecordConversionException("not text: " + o.getClass().getSimpleName());
  }
}
