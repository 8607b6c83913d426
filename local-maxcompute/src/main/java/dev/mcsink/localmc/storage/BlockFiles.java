package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.Column;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The record streams of staged blocks, as they arrived (already checked), one file per block write
 * in {@code <root>/<upload>/}. A block is kept this way rather than as rows in DuckDB so that its
 * rows are decoded into the data table once, at commit, instead of being appended to a staging
 * table, copied and deleted. The catalog row of a block names its file: a re-sent block gets a new
 * file and the catalog switches to it in one transaction, so a failure never leaves a block's row
 * and its file disagreeing. Files no catalog row names (a crash between the two) are removed when
 * the warehouse opens.
 */
final class BlockFiles implements AutoCloseable {
  private final Path root;
  /** Threads that decode blocks ahead of a commit ({@link DecodedBlocks}); idle ones end after a minute. */
  private final ExecutorService decoders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "local-maxcompute-block-decoder");
        thread.setDaemon(true);
        return thread;
      });

  BlockFiles(Path root) {
    this.root = root;
  }

  /** The rows of the upload's files {@code names}, in that order, decoded on another thread as they are taken. */
  DecodedBlocks decode(String uploadId, List<String> names, List<Column> columns) {
    return new DecodedBlocks(decoders, names, name -> open(uploadId, name), columns);
  }

  @Override
  public void close() {
    decoders.shutdownNow();
  }

  /** A new, empty file for a write of the block; unique, so an earlier write stays until replaced. */
  Path create(String uploadId, long blockId) {
    Path dir = root.resolve(directoryName(uploadId));
    try {
      Files.createDirectories(dir);
      Path file = Files.createFile(dir.resolve(blockId + "-" + UUID.randomUUID() + ".rows"));
      // the file's entry must outlive a crash as its content will (forced once written)
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a block file in " + dir, e);
    }
  }

  /** The name the catalog keeps for a file of {@link #create}. */
  static String name(Path file) {
    return file.getFileName().toString();
  }

  InputStream open(String uploadId, String name) throws IOException {
    return Files.newInputStream(root.resolve(directoryName(uploadId)).resolve(name));
  }

  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // an orphan file; removed when the warehouse next opens
    }
  }

  void delete(String uploadId, String name) {
    delete(root.resolve(directoryName(uploadId)).resolve(name));
  }

  /** Removes the upload's files (committed or discarded). */
  void deleteUpload(String uploadId) {
    deleteDirectory(root.resolve(directoryName(uploadId)), Set.of());
  }

  /**
   * Removes every file but those of {@code live} (upload id and file name of each catalog block),
   * and the directories of uploads that are gone.
   */
  void keepOnly(Collection<BlockFile> live) {
    if (!Files.isDirectory(root)) {
      return;
    }
    Set<Path> keep = live.stream().map(f -> root.resolve(directoryName(f.uploadId())).resolve(f.name()))
        .collect(Collectors.toSet());
    try (DirectoryStream<Path> uploads = Files.newDirectoryStream(root)) {
      for (Path dir : uploads) {
        deleteDirectory(dir, keep);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the block files in " + root, e);
    }
  }

  /** A block's file as the catalog names it. */
  record BlockFile(String uploadId, String name) {}

  private static void deleteDirectory(Path dir, Set<Path> keep) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> !keep.contains(f)).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException ignored) {
          // tried again when the warehouse next opens
        }
      });
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // not empty (files kept) or not removable now; tried again when the warehouse next opens
    }
  }

  /**
   * Upload ids are opaque text: ones that are not a plain file name are spelled in hex, after a
   * character plain ones cannot hold.
   */
  private static String directoryName(String uploadId) {
    return uploadId.matches("[A-Za-z0-9_-]{1,100}") ? uploadId
        : "=" + HexFormat.of().formatHex(uploadId.getBytes(StandardCharsets.UTF_8));
  }
}
