package com.aliyun.odps.kafka.connect.auth;

import java.time.Duration;

/** Runs a refresh later, off the request path. */
public interface RefreshScheduler extends AutoCloseable {
  void schedule(Runnable refresh, Duration delay);

  /** Drops what is scheduled; nothing runs afterwards. */
  @Override
  void close();
}
