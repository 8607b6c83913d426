package dev.mcsink.stack.status;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * bin/quickstart's status lines: scrapes the worker's Prometheus endpoint every few seconds and
 * prints a line per connector, prefixed like quickstart's own lines ({@code [quickstart +125s]}),
 * until stopped. A scrape that fails (the worker restarting) prints nothing; the next one goes on.
 *
 * <p>Arguments: metrics URL, interval in seconds, quickstart's start time in epoch seconds.
 */
public final class QuickstartStatus {
  private QuickstartStatus() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("Usage: QuickstartStatus METRICS_URL INTERVAL_SECONDS STARTED_AT_EPOCH_SECONDS");
      System.exit(2);
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(URI.create(args[0]));
    Duration interval = Duration.ofMillis(Math.round(Double.parseDouble(args[1]) * 1000));
    long startedAtMillis = Long.parseLong(args[2]) * 1000;
    StatusLines lines = new StatusLines();
    while (true) {
      try {
        long elapsed = (System.currentTimeMillis() - startedAtMillis) / 1000;
        for (String line : lines.next(endpoint.scrape(), System.nanoTime())) {
          System.out.printf("[quickstart +%3ds] %s%n", elapsed, line);
        }
        System.out.flush();
      } catch (IOException e) {
        // The worker is starting or stopping; the next scrape tells.
      }
      Thread.sleep(interval.toMillis()); // the pace of the status lines
    }
  }
}
