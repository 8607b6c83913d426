package dev.mcsink.benchmarks.pipeline;

import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.activity.TableActivity;
import dev.mcsink.localmc.types.TableId;

/** Reads the local MaxCompute's tunnel activity of one table. */
final class TableActivityCounts {
  private TableActivityCounts() {
  }

  static TunnelCounts of(LocalMaxCompute maxCompute, TableId table) {
    TableActivity a = maxCompute.activity().of(table);
    return new TunnelCounts(a.uploadSessions(), a.blocks(), a.commits(), a.streamSessions(), a.streamPacks());
  }
}
