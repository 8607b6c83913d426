package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableSchema;
import java.util.Iterator;
import java.util.List;

/** Block storage of one batch upload session. */
public interface UploadStage {
  String uploadId();

  TableId table();

  PartitionSpec partition();

  /** The table's schema when the upload began: its blocks hold these columns, later ones commit as NULL. */
  TableSchema schema();

  /** Stores the rows of a block, replacing any earlier block with the same id; durable on return. */
  void writeBlock(long blockId, Iterator<Object[]> rows);

  List<BlockInfo> blocks();

  /** Makes the listed blocks visible in one transaction, then forgets the stage. */
  void commit(List<Long> blockIds);

  /** Forgets the stage without making anything visible. */
  void discard();
}
