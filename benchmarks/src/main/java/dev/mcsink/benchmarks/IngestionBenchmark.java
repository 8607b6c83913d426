package dev.mcsink.benchmarks;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.tunnel.TableTunnel;
import dev.mcsink.localmc.LocalMaxCompute;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures ingestion into a local MaxCompute with the official SDK as the client: batch upload
 * (block writers on a few threads, then commit) and streaming upload (one record pack, flushed every
 * K rows), for narrow rows (the connector's TEXT table) and wide 50-column rows. The service runs
 * embedded in this JVM, in a temporary directory deleted at the end, with the per-table limits off.
 * After every run {@code SELECT COUNT(*)} must equal the rows sent, or the benchmark fails.
 */
@Command(name = "bench-local-maxcompute",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
        "Ingestion benchmark of the local MaxCompute through the official SDK (batch and streaming Tunnel uploads).",
        "MB/s counts the uncompressed protobuf record stream of the rows sent, whatever the wire compression:",
        "the SDK's own counter where it has one, else the same rows encoded again, raw, after the timed run."})
public final class IngestionBenchmark implements Callable<Integer> {
  static final String PARTITION_COLUMN = "pt";
  static final String PARTITION_VALUE = "bench";

  /** Which upload paths to measure. */
  enum Only { batch, stream, all }

  @Option(names = "--rows", paramLabel = "N", order = 1,
      description = "Rows per run (default: 1,000,000 narrow, 200,000 wide).")
  private Long rows;

  @Option(names = "--block-rows", paramLabel = "B", order = 2, defaultValue = "100000",
      description = "Rows per batch-upload block (default: ${DEFAULT-VALUE}).")
  private long blockRows;

  @Option(names = "--threads", paramLabel = "T", order = 3, defaultValue = "2",
      description = "Batch-upload writer threads, one block in flight each (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--flush-rows", paramLabel = "K", order = 4, defaultValue = "10000",
      description = "Streaming upload: flush the record pack every K rows (default: ${DEFAULT-VALUE}).")
  private long flushRows;

  @Option(names = "--only", paramLabel = "PATH", order = 5, defaultValue = "all",
      description = "batch, stream or all (default: ${DEFAULT-VALUE}).")
  private Only only;

  @Option(names = "--compression", paramLabel = "WIRE", order = 6, defaultValue = "sdk_default",
      description = "sdk_default (batch raw, stream zlib level 1, as the SDK's one-argument methods do), "
          + "raw or zlib for both paths (default: ${DEFAULT-VALUE}).")
  private WireCompression compression;

  @Option(names = "--warmup-rows", paramLabel = "N", order = 7, defaultValue = "20000",
      description = "Untimed rows sent once per path and shape first, so the JIT has compiled the hot code "
          + "(default: ${DEFAULT-VALUE}; 0 to skip).")
  private long warmupRows;

  @Option(names = "--json", paramLabel = "FILE", order = 8,
      description = "Also write the results as JSON to FILE.")
  private Path json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Spec
  private CommandSpec spec;

  private final List<Measurement> measurements = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestionBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  /** The timed runs of the last {@link #call()}, in the order they ran. */
  List<Measurement> measurements() {
    return List.copyOf(measurements);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    measurements.clear();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = spec.commandLine().getErr();
    Path dataDir = Files.createTempDirectory("bench-local-maxcompute");
    try (LocalMaxCompute service = LocalMaxCompute.builder().port(0).dataDir(dataDir).enforceLimits(false).start()) {
      Odps odps = new Odps(new AliyunAccount(service.accessId(), service.accessKey()));
      odps.setEndpoint(service.endpoint());
      odps.setDefaultProject(service.projects().get(0));
      TableTunnel tunnel = new TableTunnel(odps);
      tunnel.setEndpoint(service.tunnelEndpoint());
      BenchmarkSql sql = new BenchmarkSql(odps);

      List<IngestionPath> paths = paths(tunnel, odps.getDefaultProject());
      if (warmupRows > 0) {
        progress.printf(Locale.ROOT, "warming up: %,d rows per path and shape%n", warmupRows);
        progress.flush();
        for (IngestionPath path : paths) {
          for (RowShape shape : RowShape.values()) {
            measure(service, sql, path, shape, "warmup_" + path.name() + "_" + shape.label(), warmupRows);
          }
        }
      }
      for (IngestionPath path : paths) {
        for (RowShape shape : RowShape.values()) {
          long n = rows != null ? rows : shape.defaultRows();
          progress.printf(Locale.ROOT, "%s upload, %s rows: %,d rows...%n", path.name(), shape.label(), n);
          progress.flush();
          measurements.add(measure(service, sql, path, shape, "bench_" + path.name() + "_" + shape.label(), n));
        }
      }
    } finally {
      deleteRecursively(dataDir);
    }
    out.printf(Locale.ROOT, "Local MaxCompute ingestion through odps-sdk-core, %d cores, Java %s"
        + " (batch: blocks of %,d rows; stream: flush every %,d rows; MB = 10^6 bytes of record stream;"
        + " cores busy = process CPU time / wall time; client CPU = the caller's and the batch writers' threads;"
        + " service CPU = the rest of the process: request threads, DuckDB, garbage collection, compilation;"
        + " checkpoint CPU = DuckDB writing the run's rows into its file right after the run, untimed)%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), blockRows, flushRows);
    ResultTable.print(measurements, out);
    if (json != null) {
      ResultJson.write(json, environment(), measurements);
      out.println();
      out.println("JSON written to " + json);
    }
    out.flush();
    return 0;
  }

  private List<IngestionPath> paths(TableTunnel tunnel, String project) {
    List<IngestionPath> paths = new ArrayList<>();
    if (only != Only.stream) {
      paths.add(new BatchUploadPath(tunnel, project, blockRows, threads, compression));
    }
    if (only != Only.batch) {
      paths.add(new StreamUploadPath(tunnel, project, flushRows, compression));
    }
    return paths;
  }

  /** Creates a fresh table, times the path's send, and checks that SQL counts every row sent. */
  private static Measurement measure(LocalMaxCompute service, BenchmarkSql sql, IngestionPath path, RowShape shape,
      String table, long n)
      throws Exception {
    sql.execute("CREATE TABLE " + table + " (" + shape.columnsDdl() + ") PARTITIONED BY ("
        + PARTITION_COLUMN + " STRING);");
    PartitionSpec partition = new PartitionSpec(PARTITION_COLUMN + "='" + PARTITION_VALUE + "'");
    if (path instanceof BatchUploadPath) {
      // An upload session needs an existing partition; a stream session creates it (setCreatePartition).
      sql.execute("ALTER TABLE " + table + " ADD PARTITION (" + PARTITION_COLUMN + "='" + PARTITION_VALUE + "');");
    }
    // Leave the garbage of setup and earlier runs out of the timed section as far as we can.
    System.gc();
    long cpuStart = ProcessCpuClock.nanos();
    long callerCpuStart = ThreadCpuClock.nanos();
    long start = System.nanoTime();
    IngestionPath.Sent sent = path.send(table, partition, shape, n);
    long nanos = System.nanoTime() - start;
    long cpuNanos = cpuStart < 0 ? -1 : ProcessCpuClock.nanos() - cpuStart;
    long clientCpuNanos = callerCpuStart < 0 ? -1 : ThreadCpuClock.nanos() - callerCpuStart + sent.writerCpuNanos();
    long recordStreamBytes = sent.recordStreamBytes();
    String bytesSource = "sdk counter";
    if (recordStreamBytes == IngestionPath.Sent.NOT_COUNTED) {
      recordStreamBytes = RecordStreamSize.of(sent.schema(), shape, n, path.rowsPerStream());
      bytesSource = "re-encoded raw";
    }
    // Untimed, so that no run pays for an earlier one's checkpoint; its cost is reported beside.
    long checkpointCpuStart = ProcessCpuClock.nanos();
    service.warehouse().checkpoint();
    long checkpointCpuNanos = checkpointCpuStart < 0 ? -1 : ProcessCpuClock.nanos() - checkpointCpuStart;
    long counted = sql.countRows(table, PARTITION_COLUMN, PARTITION_VALUE);
    if (counted != n) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "%s upload of %s rows: sent %,d rows but SELECT COUNT(*) of %s answered %,d", path.name(),
          shape.label(), n, table, counted));
    }
    return new Measurement(path.name(), shape.label(), path.clientThreads(),
        WireCompression.label(sent.compression()), n, nanos, cpuNanos, clientCpuNanos, recordStreamBytes, bytesSource,
        sent.wireBytes(), counted, checkpointCpuNanos);
  }

  private void validate() {
    if (rows != null && rows <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be positive");
    }
    if (blockRows <= 0 || threads <= 0 || flushRows <= 0 || warmupRows < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--block-rows, --threads and --flush-rows must be positive, --warmup-rows not negative");
    }
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("javaVersion", System.getProperty("java.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    env.put("blockRows", blockRows);
    env.put("batchThreads", threads);
    env.put("flushRows", flushRows);
    env.put("compression", compression.name());
    env.put("warmupRows", warmupRows);
    env.put("bytesPerMegabyte", (long) Measurement.BYTES_PER_MB);
    return env;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
