package com.aliyun.odps.kafka.connect.errors;

import com.aliyun.odps.kafka.connect.record.RecordOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands failed records to Connect's errant record reporter, which applies the connector's
 * {@code errors.tolerance}, {@code errors.log.*} and {@code errors.deadletterqueue.*} settings. Given
 * the record object the worker delivered, Connect writes the consumer's original bytes to the
 * dead-letter queue, with its own error headers when {@code errors.deadletterqueue.context.headers.enable}.
 *
 * <p>This is the only class that names {@link ErrantRecordReporter}, so that the connector still
 * loads in workers older than Kafka 2.6, which lack it ({@link #from}).
 */
final class ConnectReporterRoute implements FailedRecordHandler {
  private static final Logger log = LoggerFactory.getLogger(ConnectReporterRoute.class);
  private static final long FLUSH_TIMEOUT_MS = 60_000;

  private final ErrantRecordReporter reporter;
  private final boolean skipError;
  private final List<PendingReport> pending = new ArrayList<>();

  private ConnectReporterRoute(ErrantRecordReporter reporter, boolean skipError) {
    this.reporter = reporter;
    this.skipError = skipError;
  }

  /**
   * The route through the worker's reporter, or null when the worker has none: the connector
   * configures neither a dead-letter queue nor error logging, or the worker predates the API.
   */
  static ConnectReporterRoute from(SinkTaskContext context, boolean skipError) {
    try {
      ErrantRecordReporter reporter = context.errantRecordReporter();
      return reporter == null ? null : new ConnectReporterRoute(reporter, skipError);
    } catch (NoSuchMethodError | NoClassDefFoundError olderWorker) {
      return null;
    }
  }

  @Override
  public synchronized void handle(SinkRecord record, Exception reason) {
    RecordOrigin origin = RecordOrigin.of(record);
    Future<Void> report;
    try {
      report = reporter.report(record, reason);
    } catch (ConnectException toleranceExceeded) {
      // errors.tolerance=none: Connect reported the record (log, dead-letter queue) and refuses to go
      // on. skip_error=true is the user's explicit wish to go on, so it wins over that default.
      if (skipError) {
        log.warn("Skipping record ({}) that cannot be written (skip_error=true; Connect's errors.tolerance"
            + " refused it): {}", origin, reason.toString());
        return;
      }
      throw new ConnectException("Cannot write record (" + origin + ") to MaxCompute and Connect's"
          + " error handler stops the task (errors.tolerance): " + reason.getMessage(), toleranceExceeded);
    }
    if (report != null) {
      pending.add(new PendingReport(origin, report));
    }
  }

  /** Waits until Connect has written every reported record; throws if one could not be. */
  @Override
  public synchronized void flush() {
    List<PendingReport> reports = new ArrayList<>(pending);
    // Whatever happens, these are settled: after a failure Connect rewinds and redelivers them.
    pending.clear();
    for (PendingReport p : reports) {
      try {
        p.future.get(FLUSH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new ConnectException("Connect could not report failed record (" + p.origin + ") to its"
            + " dead-letter queue: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        throw new ConnectException("Connect did not report failed record (" + p.origin + ") to its"
            + " dead-letter queue within " + FLUSH_TIMEOUT_MS + " ms", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectException("Interrupted while waiting for the dead-letter queue", e);
      }
    }
  }

  @Override
  public void close() {
    // The reporter belongs to the worker, which closes it.
  }

  private static final class PendingReport {
    final RecordOrigin origin;
    final Future<Void> future;

    PendingReport(RecordOrigin origin, Future<Void> future) {
      this.origin = origin;
      this.future = future;
    }
  }
}
