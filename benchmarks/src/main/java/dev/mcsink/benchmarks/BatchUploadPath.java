package dev.mcsink.benchmarks;

import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.commons.proto.ProtobufRecordStreamWriter;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.io.CompressOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Batch upload: one upload session, rows cut into blocks of {@code blockRows}; each writer thread
 * takes the next block id, streams that block through {@code openRecordWriter(blockId)}, closes it,
 * and takes another, so each thread has one block in flight. The session is committed with every
 * block id once all are written.
 */
final class BatchUploadPath implements IngestionPath {
  /** The Tunnel accepts block ids 0..19999 in one session. */
  static final long MAX_BLOCKS = 20_000;

  private final TableTunnel tunnel;
  private final String project;
  private final long blockRows;
  private final int threads;
  private final CompressOption compression;

  BatchUploadPath(TableTunnel tunnel, String project, long blockRows, int threads, WireCompression compression) {
    this.tunnel = tunnel;
    this.project = project;
    this.blockRows = blockRows;
    this.threads = threads;
    // openRecordWriter(blockId) without an option sends raw.
    this.compression = compression.option(WireCompression.rawOption());
  }

  @Override
  public String name() {
    return "batch";
  }

  @Override
  public int clientThreads() {
    return threads;
  }

  @Override
  public long rowsPerStream() {
    return blockRows;
  }

  @Override
  public Sent send(String table, PartitionSpec partition, RowShape shape, long rows) throws Exception {
    long blocks = (rows + blockRows - 1) / blockRows;
    if (blocks > MAX_BLOCKS) {
      throw new IllegalArgumentException(rows + " rows in blocks of " + blockRows + " need " + blocks
          + " blocks; one session takes at most " + MAX_BLOCKS);
    }
    TableTunnel.UploadSession session = tunnel.createUploadSession(project, table, partition);
    AtomicLong nextBlock = new AtomicLong();
    LongAdder bytes = new LongAdder();
    LongAdder writerCpu = new LongAdder();
    ExecutorService writers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(writers.submit(() -> {
          long cpuStart = ThreadCpuClock.nanos();
          try {
            for (long block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
              long first = block * blockRows;
              bytes.add(writeBlock(session, block, shape, first, Math.min(rows, first + blockRows), compression));
            }
          } finally {
            writerCpu.add(ThreadCpuClock.nanos() - cpuStart);
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        awaitWriter(f);
      }
    } finally {
      writers.shutdownNow();
    }
    Long[] blockIds = new Long[(int) blocks];
    for (int b = 0; b < blocks; b++) {
      blockIds[b] = (long) b;
    }
    session.commit(blockIds);
    long recordStreamBytes = bytes.sum();
    long wireBytes = Sent.isRaw(compression) ? recordStreamBytes : Sent.NOT_COUNTED;
    return new Sent(recordStreamBytes, wireBytes, compression, session.getSchema(), writerCpu.sum());
  }

  private static long writeBlock(TableTunnel.UploadSession session, long blockId, RowShape shape,
      long firstRow, long endRow, CompressOption compression) throws Exception {
    Record record = session.newRecord();
    RecordWriter writer = session.openRecordWriter(blockId, compression);
    try {
      for (long i = firstRow; i < endRow; i++) {
        shape.fill(record, i);
        writer.write(record);
      }
    } finally {
      // close() sends the end of the stream and waits for the server's answer to the block.
      writer.close();
    }
    if (!(writer instanceof ProtobufRecordStreamWriter counted)) {
      throw new IllegalStateException("the SDK's block writer is a " + writer.getClass().getName()
          + ", which does not count its bytes");
    }
    // The writer counts what its protobuf layer emits, before any compression.
    return counted.getTotalBytes();
  }

  private static void awaitWriter(Future<?> writer) throws Exception {
    try {
      writer.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
