package com.aliyun.odps.kafka.connect.format;

import com.aliyun.odps.TableSchema;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.List;

/**
 * PLACEHOLDER so the config worktree compiles: the real class (format package, another helper)
 * lists what the table lacks for the configured format. The lead keeps the real one.
 */
public final class TableRequirements {
  private TableRequirements() {
  }

  public static List<String> problems(SinkSettings settings, TableSchema schema) {
    return List.of();
  }
}
