package dev.mcsink.benchmarks;

/**
 * One timed ingestion run.
 *
 * @param path how the rows were sent ({@code batch} or {@code stream})
 * @param shape the row shape's label
 * @param clientThreads threads that encoded and sent rows
 * @param compression how the record streams went on the wire ({@code raw}, {@code zlib-1})
 * @param rows rows sent
 * @param nanos wall time from opening the session to the commit, or the last flush, returning
 * @param cpuNanos CPU time of the whole process (client, service, DuckDB) over the same span; -1 if unknown
 * @param clientCpuNanos CPU time of the client's threads (caller and writers) over the span; -1 if unknown
 * @param recordStreamBytes uncompressed protobuf record-stream bytes of the rows sent
 * @param recordStreamBytesSource where that figure comes from: the SDK's counters, or re-encoding
 * @param wireBytes the record streams after compression, or -1 when the SDK does not count them
 * @param countedRows what {@code SELECT COUNT(*)} answered afterwards
 * @param checkpointCpuNanos CPU time of the checkpoint right after the run (not in {@code cpuNanos}):
 *     what storing the rows still cost once the run was over; -1 if unknown
 */
record Measurement(String path, String shape, int clientThreads, String compression, long rows, long nanos, long cpuNanos,
    long clientCpuNanos,
    long recordStreamBytes, String recordStreamBytesSource, long wireBytes, long countedRows, long checkpointCpuNanos) {
  static final double BYTES_PER_MB = 1_000_000d;

  double seconds() {
    return nanos / 1e9;
  }

  double rowsPerSecond() {
    return rows / seconds();
  }

  /** Cores kept busy on average: process CPU time over wall time (NaN if CPU time is unknown). */
  double coresBusy() {
    return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / nanos;
  }

  /** CPU seconds per million rows of the client's threads (encoding and sending); NaN if unknown. */
  double clientCpuSecondsPerMillionRows() {
    return clientCpuNanos < 0 ? Double.NaN : clientCpuNanos / 1e3 / rows;
  }

  /**
   * CPU seconds per million rows of everything but the client's threads: the service's request
   * threads, DuckDB's native threads and the JVM's garbage collection and compilation; NaN if unknown.
   */
  double serviceCpuSecondsPerMillionRows() {
    return cpuNanos < 0 || clientCpuNanos < 0 ? Double.NaN : (cpuNanos - clientCpuNanos) / 1e3 / rows;
  }

  /** CPU seconds per million rows of the checkpoint after the run; NaN if unknown. */
  double checkpointCpuSecondsPerMillionRows() {
    return checkpointCpuNanos < 0 ? Double.NaN : checkpointCpuNanos / 1e3 / rows;
  }

  /** Uncompressed record stream per second, whatever the wire compression. */
  double megabytesPerSecond() {
    return recordStreamBytes / BYTES_PER_MB / seconds();
  }
}
