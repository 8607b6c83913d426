package com.aliyun.odps.kafka.connect.auth;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread per credentials provider. It ends by itself a minute after nothing is left to
 * run (an idle provider schedules nothing), and comes back when something is scheduled again, so a
 * provider that nobody closed holds no thread forever.
 */
final class BackgroundRefreshThread implements RefreshScheduler {
  private static final long KEEP_ALIVE_SECONDS = 60;

  private final ScheduledThreadPoolExecutor executor;

  BackgroundRefreshThread(String name) {
    executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    executor.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public void schedule(Runnable refresh, Duration delay) {
    try {
      executor.schedule(refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: the provider is gone, nothing to refresh for.
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
