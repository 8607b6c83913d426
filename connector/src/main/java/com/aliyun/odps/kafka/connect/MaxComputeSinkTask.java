package com.aliyun.odps.kafka.connect;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** PLACEHOLDER so the config worktree compiles: the real task is written elsewhere; the lead keeps it. */
public class MaxComputeSinkTask extends SinkTask {
  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
  }

  @Override
  public void put(Collection<SinkRecord> records) {
  }

  @Override
  public void stop() {
  }
}
