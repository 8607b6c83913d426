package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.codec.RecordStreamReader;
import dev.mcsink.localmc.types.Column;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The rows of an upload's block files, decoded on another thread a few batches ahead of the one
 * commit that appends them: decoding was about a third of a commit's time, and a commit is a
 * single DuckDB appender. Rows come in block order, then row order, with the end of each block
 * marked so the caller can check its count. Closing it stops the decoding thread.
 */
final class DecodedBlocks implements AutoCloseable {
  private static final int BATCH_ROWS = 1024;
  /** Batches decoded ahead: bounds the memory of rows in flight. */
  private static final int BATCHES_AHEAD = 8;
  /** How often a wait looks whether the other side has stopped. */
  private static final long WAIT_MILLIS = 100;

  /** Opens a block's file by name. */
  @FunctionalInterface
  interface Opener {
    InputStream open(String name) throws IOException;
  }

  /**
   * Rows decoded in a row, or the end of a block (rows then empty), or a failure of the decoding.
   *
   * @param block index of the block's file in the list given
   */
  record Batch(List<Object[]> rows, int block, boolean blockEnd, RuntimeException failure) {}

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private final Future<?> decoding;
  private volatile boolean closed;

  DecodedBlocks(ExecutorService executor, List<String> files, Opener opener, List<Column> columns) {
    this.decoding = executor.submit(() -> decode(files, opener, columns));
  }

  /** The next batch, in order; waits until it is decoded. */
  Batch next() throws InterruptedException {
    Batch batch;
    while ((batch = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
      if (decoding.isDone() && queue.isEmpty()) {
        throw new IllegalStateException("the decoding of the blocks stopped before their end");
      }
    }
    if (batch.failure() != null) {
      throw batch.failure();
    }
    return batch;
  }

  private void decode(List<String> files, Opener opener, List<Column> columns) {
    try {
      for (int b = 0; b < files.size(); b++) {
        try (InputStream in = opener.open(files.get(b))) {
          RecordStreamReader reader = RecordStreamReader.ofChecked(in, columns);
          List<Object[]> rows = new ArrayList<>(BATCH_ROWS);
          for (Object[] row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
            if (rows.size() == BATCH_ROWS) {
              if (!hand(new Batch(rows, b, false, null))) {
                return;
              }
              rows = new ArrayList<>(BATCH_ROWS);
            }
          }
          if (!hand(new Batch(rows, b, true, null))) {
            return;
          }
        } catch (IOException e) {
          hand(new Batch(List.of(), b, false, new UncheckedIOException("cannot read block file " + files.get(b), e)));
          return;
        } catch (RuntimeException e) {
          hand(new Batch(List.of(), b, false, e));
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed: nobody takes what is left
    }
  }

  /** Queues a batch once there is room; false when closed meanwhile. */
  private boolean hand(Batch batch) throws InterruptedException {
    while (!closed) {
      if (queue.offer(batch, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    closed = true;
    decoding.cancel(true);
    queue.clear();
  }
}
