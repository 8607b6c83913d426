package com.aliyun.odps.kafka.connect.format;

// placeholder: replaced at merge

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.ArrayList;
import java.util.List;

/** Placeholder: checks only the meta columns; the real class comes from another branch. */
public final class TableRequirements {
  private TableRequirements() {
  }

  /** What is wrong with the table for these settings; empty when it fits. */
  public static List<String> problems(SinkSettings settings, TableSchema schema) {
    List<String> problems = new ArrayList<>();
    for (String column : new String[] {"topic", "partition", "offset"}) {
      if (!schema.containsColumn(column)) {
        problems.add("the table has no column '" + column + "'");
      }
    }
    return problems;
  }
}
