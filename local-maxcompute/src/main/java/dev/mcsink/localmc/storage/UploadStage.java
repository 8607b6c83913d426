package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.io.InputStream;
import java.util.List;

/** Block storage of one batch upload session. */
public interface UploadStage {
  String uploadId();

  TableId table();

  PartitionSpec partition();

  /** The table's schema when the upload began: its blocks hold these columns, later ones commit as NULL. */
  TableSchema schema();

  /**
   * Reads and checks a block's record stream (already decoded from its Content-Encoding) and stores
   * it, replacing any earlier block with the same id; durable on return. Throws
   * RecordStreamException for a malformed stream, IllegalArgumentException for a value the table
   * cannot hold, UncheckedIOException when the stream cannot be read.
   */
  void writeBlock(long blockId, InputStream recordStream);

  List<BlockInfo> blocks();

  /** Makes the listed blocks visible in one transaction, then forgets the stage. */
  void commit(List<Long> blockIds);

  /** Forgets the stage without making anything visible. */
  void discard();
}
