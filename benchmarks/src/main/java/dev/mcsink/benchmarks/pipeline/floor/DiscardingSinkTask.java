package dev.mcsink.benchmarks.pipeline.floor;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Takes every record and keeps none; Connect commits the offsets it delivered.
 *
 * <p>Once the topic is drained (a poll brings nothing) it asks Connect to commit at once, as this
 * project's connector writes its buffers when a poll brings nothing: otherwise the floor's run would
 * end at the next offset flush ({@code offset.flush.interval.ms}, 10 s in the benchmark), not when
 * the records have been taken.
 */
public final class DiscardingSinkTask extends SinkTask {
  static final String VERSION = "1";
  /** While records come, the next poll returns empty this soon after the topic runs dry. */
  private static final long IDLE_POLL_MS = 100;

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    // Nothing to set up.
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    if (records.isEmpty()) {
      context.requestCommit();
    } else {
      context.timeout(IDLE_POLL_MS);
    }
  }

  @Override
  public void stop() {
    // Nothing to release.
  }
}
